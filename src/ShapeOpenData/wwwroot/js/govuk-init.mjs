// Progressive enhancement only: every page works without this.
import { initAll } from '/lib/govuk-frontend/govuk-frontend.min.js';

initAll();
