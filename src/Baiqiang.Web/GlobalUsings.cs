global using Baiqiang.Storage.Users;
global using Microsoft.AspNetCore.Http.HttpResults;
