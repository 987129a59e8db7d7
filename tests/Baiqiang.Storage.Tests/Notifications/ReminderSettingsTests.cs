using Baiqiang.Storage.Notifications;
using Baiqiang.Storage.Settings;

namespace Baiqiang.Storage.Tests.Notifications;

public sealed class ReminderSettingsTests
{
    [Theory]
    [InlineData(StoreSettings.FilingDayKey, "5", true)]
    [InlineData(StoreSettings.FilingDayKey, "29", false)]
    [InlineData(StoreSettings.FilingDayKey, "五", false)]
    [InlineData(StoreSettings.SmtpKey, "smtp.example.gov.cn:25", true)]
    [InlineData(StoreSettings.SmtpKey, "smtp.example.gov.cn", false)]
    [InlineData(StoreSettings.SmtpKey, "smtp.example.gov.cn:70000", false)]
    [InlineData(StoreSettings.WebhookKey, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=a https://oapi.dingtalk.com/robot/send?access_token=b", true)]
    [InlineData(StoreSettings.WebhookKey, "ftp://example.com/x", false)]
    [InlineData(StoreSettings.LastRunKey, "2022-07-10", true)]
    public void Check_ReminderKeys_RefusesBadValuesInBothLanguages(string key, string value, bool ok)
    {
        var r = StoreSettings.Check(key, value);

        Assert.Equal(ok, r.Success);
        if (!ok)
        {
            Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", r.Error!.Value.Zh);
            Assert.Matches("[a-z]", r.Error!.Value.En);
        }
    }

    [Theory]
    [InlineData("2022-07-05", 5, "2022-05")]
    [InlineData("2022-07-06", 5, "2022-06")]
    [InlineData("2022-01-10", 5, "2021-12")]
    [InlineData("2022-07-10", 10, "2022-05")]
    public void DueMonth_FilingDay_IsTheLatestMonthWhoseFilingDayHasPassed(string today, int filingDay, string month) =>
        Assert.Equal(month, ReminderSweep.DueMonth(DateOnly.ParseExact(today, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), filingDay).ToString());
}
