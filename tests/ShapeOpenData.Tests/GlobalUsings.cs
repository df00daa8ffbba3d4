global using System.Net;
global using ShapeOpenData.Tests.Support;
global using Microsoft.Extensions.DependencyInjection;
