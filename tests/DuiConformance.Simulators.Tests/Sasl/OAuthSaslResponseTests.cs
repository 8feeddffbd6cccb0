using System.Text;
using DuiConformance.Simulators.Sasl;

namespace DuiConformance.Simulators.Tests.Sasl;

public sealed class OAuthSaslResponseTests
{
    [Test]
    public void Xoauth2_response_gives_the_user_and_the_bearer_token()
    {
        var response = OAuthSaslResponse.Parse(OAuthSaslKind.XOAuth2, Base64("user=a@b.mssante.fr\u0001auth=Bearer abc.def.ghi\u0001\u0001"));
        response.ShouldBe(new OAuthSaslResponse("a@b.mssante.fr", "abc.def.ghi"));
    }

    [Test]
    public void Oauthbearer_response_gives_the_unescaped_authzid_and_the_token_and_ignores_host_and_port()
    {
        var response = OAuthSaslResponse.Parse(OAuthSaslKind.OAuthBearer, Base64("n,a=x=2Cy=3Dz@b.fr,\u0001host=imap.test\u0001port=993\u0001auth=Bearer tok\u0001\u0001"));
        response.ShouldBe(new OAuthSaslResponse("x,y=z@b.fr", "tok"));
    }

    [Test]
    public void Oauthbearer_without_authzid_names_no_user()
    {
        OAuthSaslResponse.Parse(OAuthSaslKind.OAuthBearer, Base64("n,,\u0001auth=Bearer tok\u0001\u0001")).ShouldBe(new OAuthSaslResponse(null, "tok"));
    }

    [TestCase("user=a\u0001auth=Bearer t\u0001", Description = "one ^A missing at the end")]
    [TestCase("user=a\u0001auth=Basic dDp0\u0001\u0001", Description = "not a bearer token")]
    [TestCase("auth=Bearer t\u0001\u0001", Description = "no user")]
    [TestCase("user=a\u0001user=b\u0001auth=Bearer t\u0001\u0001", Description = "a repeated key")]
    public void Malformed_xoauth2_responses_are_refused(string text)
    {
        OAuthSaslResponse.Parse(OAuthSaslKind.XOAuth2, Base64(text)).ShouldBeNull();
    }

    [TestCase("p=tls-unique,,\u0001auth=Bearer t\u0001\u0001", Description = "channel binding asked")]
    [TestCase("n,u=someone,\u0001auth=Bearer t\u0001\u0001", Description = "not an authzid")]
    [TestCase("n,,\u0001auth=Bearer t", Description = "no final ^A^A")]
    public void Malformed_oauthbearer_responses_are_refused(string text)
    {
        OAuthSaslResponse.Parse(OAuthSaslKind.OAuthBearer, Base64(text)).ShouldBeNull();
    }

    [Test]
    public void Invalid_base64_and_invalid_utf8_are_refused()
    {
        OAuthSaslResponse.Parse(OAuthSaslKind.XOAuth2, "%%%").ShouldBeNull();
        OAuthSaslResponse.Parse(OAuthSaslKind.XOAuth2, Convert.ToBase64String([0xFF, 0xFE, 0x01, 0x01])).ShouldBeNull();
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
