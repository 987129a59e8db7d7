namespace Baiqiang.Storage; internal static class Placeholder {}
