namespace Baiqiang.Core.Tests;
public sealed class SmokeTests { [Fact] public void Smoke_Runs() => Assert.True(true); }
