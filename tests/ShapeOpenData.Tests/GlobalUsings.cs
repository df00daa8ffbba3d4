global using System.Net;
global using ShapeOpenData.Tests.Support;
global using Microsoft.Extensions.DependencyInjection;
global using ShapeOpenData.Modules.DatasetRequests;
global using ShapeOpenData.Modules.Accounts;
