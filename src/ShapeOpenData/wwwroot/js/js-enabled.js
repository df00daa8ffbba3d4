// Runs first thing in <body>, so styles for JavaScript-enhanced components apply before first paint.
document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');
