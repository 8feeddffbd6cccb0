using System.Text;
using DuiConformance.Simulators.Smtp;

namespace DuiConformance.Simulators.Tests.Smtp;

/// <summary>The small SMTP building blocks: reply formatting, line reading, paths, domains, redaction.</summary>
public sealed class SmtpPrimitivesTests
{
    [Test, Description("RFC 5321 §4.2.1: every line but the last uses a hyphen after the code")]
    public void Multi_line_reply_uses_hyphens_except_on_the_last_line()
    {
        var reply = new SmtpReply(250, null, ["localhost Hello x", "8BITMIME", "AUTH PLAIN"]);

        reply.ToWireString().ShouldBe("250-localhost Hello x\r\n250-8BITMIME\r\n250 AUTH PLAIN\r\n");
    }

    [Test, Description("RFC 2034 §3: the enhanced status code prefixes every line's text")]
    public void Enhanced_status_code_prefixes_every_line()
    {
        var reply = new SmtpReply(550, "5.7.1", ["Relaying denied", "see policy"]);

        reply.WireLines().ShouldBe(["550-5.7.1 Relaying denied", "550 5.7.1 see policy"]);
    }

    [Test]
    public async Task Line_reader_tells_crlf_from_bare_lf_and_end_of_stream()
    {
        var reader = new SmtpLineReader(new MemoryStream("one\r\ntwo\nthree"u8.ToArray()));

        // Note: a line's content is valid only until the next read, so each is decoded at once.
        var lines = new List<(string, SmtpLineEnding)>();
        for (var index = 0; index < 3; index++)
        {
            var line = await reader.ReadLineAsync(100, CancellationToken.None);
            lines.Add((Encoding.ASCII.GetString(line.Content.Span), line.Ending));
        }

        lines.ShouldBe([("one", SmtpLineEnding.CrLf), ("two", SmtpLineEnding.Lf), ("three", SmtpLineEnding.EndOfStream)]);
    }

    [Test]
    public async Task Line_reader_keeps_at_most_the_maximum_but_counts_the_real_length()
    {
        var reader = new SmtpLineReader(new MemoryStream(Encoding.ASCII.GetBytes(new string('a', 50_000) + "\r\nnext\r\n")));

        var line = await reader.ReadLineAsync(10, CancellationToken.None);
        line.ShouldSatisfyAllConditions(
            () => line.Content.Length.ShouldBe(10),
            () => line.Length.ShouldBe(50_000),
            () => line.Truncated.ShouldBeTrue(),
            () => line.Ending.ShouldBe(SmtpLineEnding.CrLf));

        var next = await reader.ReadLineAsync(10, CancellationToken.None);
        Encoding.ASCII.GetString(next.Content.Span).ShouldBe("next");
    }

    [Test]
    public async Task Line_reader_accepts_a_line_of_exactly_the_maximum()
    {
        var reader = new SmtpLineReader(new MemoryStream("abcde\r\n"u8.ToArray()));

        var line = await reader.ReadLineAsync(5, CancellationToken.None);

        line.Truncated.ShouldBeFalse();
        Encoding.ASCII.GetString(line.Content.Span).ShouldBe("abcde");
    }

    [Test]
    public void Path_parser_reads_address_and_parameters()
    {
        var path = SmtpPath.Parse("FROM:<a@b.mssante.fr> SIZE=1234 BODY=8BITMIME", "FROM").ShouldNotBeNull();

        path.Address.ShouldBe("a@b.mssante.fr");
        path.Domain.ShouldBe("b.mssante.fr");
        path.Parameters.ShouldBe([new("SIZE", "1234"), new("BODY", "8BITMIME")]);
    }

    [TestCase("TO:a@b.fr")]
    [TestCase("TO:<a@b.fr")]
    [TestCase("FROM:<a@b.fr>")]
    [TestCase("TO:<a@b.fr>junk")]
    public void Path_parser_refuses_bad_syntax(string argument) => SmtpPath.Parse(argument, "TO").ShouldBeNull();

    [Test, Description("RFC 5321 §C: a source route is accepted and ignored")]
    public void Path_parser_drops_a_source_route() =>
        SmtpPath.Parse("TO:<@relay.example:x@y.mssante.fr>", "TO").ShouldNotBeNull().Address.ShouldBe("x@y.mssante.fr");

    [TestCase("test-ci-sis.mssante.fr", true)]
    [TestCase("TEST-CI-SIS.MSSANTE.FR", true)]
    [TestCase("medecin.mssante.fr", true)]
    [TestCase("mssante.fr", false)]
    [TestCase("evilmssante.fr", false)]
    [TestCase("gmail.com", false)]
    public void Accepted_domains_match_exact_names_and_suffixes(string domain, bool accepted) =>
        new SmtpSimulatorOptions { AcceptedDomains = ["test-ci-sis.mssante.fr", "*.mssante.fr"] }.AcceptsDomain(domain).ShouldBe(accepted);

    [Test]
    public void Redactor_masks_the_initial_response_and_keeps_the_mechanism()
    {
        SmtpSecretRedactor.RedactCommand(new SmtpCommand("AUTH", "PLAIN AGR1aQBzZWNyZXQ=", "auth PLAIN AGR1aQBzZWNyZXQ=")).ShouldBe("auth PLAIN ********");
        SmtpSecretRedactor.RedactCommand(new SmtpCommand("AUTH", "PLAIN", "AUTH PLAIN")).ShouldBe("AUTH PLAIN");
        SmtpSecretRedactor.RedactCommand(new SmtpCommand("MAIL", "FROM:<a@b.fr>", "MAIL FROM:<a@b.fr>")).ShouldBe("MAIL FROM:<a@b.fr>");
        SmtpSecretRedactor.RedactAuthResponse("AGR1aQBzZWNyZXQ=").ShouldBe("********");
    }

    [Test]
    public void Command_parser_refuses_invalid_utf8_and_control_octets_and_flags_utf8()
    {
        SmtpCommand.Parse([(byte)'M', (byte)'A', (byte)'I', (byte)'L', (byte)' ', 0xC3, 0x28]).ShouldBeNull();
        SmtpCommand.Parse("MAIL FROM:<é@x>"u8).ShouldNotBeNull().IsAscii.ShouldBeFalse();
        SmtpCommand.Parse([(byte)'N', (byte)'O', 0x00, (byte)'P']).ShouldBeNull();
        SmtpCommand.Parse("noop"u8).ShouldNotBeNull().Verb.ShouldBe("NOOP");
    }
}
