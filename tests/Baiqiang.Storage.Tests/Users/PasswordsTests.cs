using Baiqiang.Storage.Users;
using Microsoft.AspNetCore.Identity;

namespace Baiqiang.Storage.Tests.Users;

public sealed class PasswordsTests
{
    /// <summary>
    /// CI once failed because a generated password had no upper-case letter (13 random characters lack one about once in
    /// 800 draws). 20,000 draws without the fix fail this almost surely; with it, every draw meets the rules.
    /// </summary>
    [Fact]
    public void Generate_EveryDraw_MeetsTheIdentityPasswordRules()
    {
        var identity = new IdentityOptions();
        UserAccounts.ConfigureIdentity(identity);
        var rules = identity.Password;
        for (var i = 0; i < 20_000; i++)
        {
            var p = Passwords.Generate();
            Assert.True(p.Length >= rules.RequiredLength, p);
            Assert.True(!rules.RequireUppercase || p.Any(char.IsAsciiLetterUpper), p);
            Assert.True(!rules.RequireLowercase || p.Any(char.IsAsciiLetterLower), p);
            Assert.True(!rules.RequireDigit || p.Any(char.IsAsciiDigit), p);
            Assert.True(p.Distinct().Count() >= rules.RequiredUniqueChars, p);
        }
    }
}
