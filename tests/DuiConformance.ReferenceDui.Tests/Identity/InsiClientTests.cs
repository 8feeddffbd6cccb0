using System.Net;
using System.Text;
using System.Xml.Linq;
using DuiConformance.ReferenceDui.Identity;

namespace DuiConformance.ReferenceDui.Tests.Identity;

[Description("domain.md §2.2: the reference DUI's INSi client builds SOAP 1.2 look-ups and reads RESULTAT answers and faults.")]
public sealed class InsiClientTests
{
    private sealed class ScriptedHandler(Func<string, (HttpStatusCode, string)> answer) : HttpMessageHandler
    {
        public List<string> Requests { get; } = [];

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var body = await request.Content!.ReadAsStringAsync(cancellationToken);
            Requests.Add(body);
            var (status, text) = answer(body);
            return new HttpResponseMessage(status) { Content = new StringContent(text, Encoding.UTF8, "application/soap+xml") };
        }
    }

    private static string Result(string code, string individu = "") =>
        $"""<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><RESULTAT xmlns="http://www.cnamts.fr/INSiResultat"><CR><CodeCR>{code}</CodeCR></CR>{individu}</RESULTAT></env:Body></env:Envelope>""";

    private static (InsiClient Client, ScriptedHandler Handler) Create(Func<string, (HttpStatusCode, string)> answer)
    {
        var handler = new ScriptedHandler(answer);
        return (new InsiClient(new HttpClient(handler), "https://127.0.0.1:1/insi", "DUI de référence", "0.1.0", "IDAM-1"), handler);
    }

    [Test]
    public async Task The_request_is_soap_1_2_with_addressing_lps_context_and_one_upper_case_given_name()
    {
        var (client, handler) = Create(_ => (HttpStatusCode.OK, Result("01")));

        await client.SearchAsync(TestData.QualifiedUsager(), CancellationToken.None);

        var request = XDocument.Parse(handler.Requests[0]);
        XNamespace soap = "http://www.w3.org/2003/05/soap-envelope";
        XNamespace wsa = "http://www.w3.org/2005/08/addressing";
        request.ShouldSatisfyAllConditions(
            () => request.Root!.Name.ShouldBe(soap + "Envelope"),
            () => request.Descendants(wsa + "Action").Single().Value.ShouldBe("urn:ServiceIdentiteCertifiee:1.0.0:rechercherInsAvecTraitsIdentite"),
            () => request.Descendants(wsa + "MessageID").Single().Value.ShouldStartWith("uuid:"),
            () => request.Descendants().Single(element => element.Name.LocalName == "Nom").Value.ShouldBe("urn:lps:duidereference:0.1.0"),
            () => request.Descendants().Single(element => element.Name.LocalName == "Prenom").Value.ShouldBe("HELENE"));
    }

    [Test]
    public async Task An_01_answer_is_retried_with_each_birth_given_name_in_order()
    {
        var (client, handler) = Create(_ => (HttpStatusCode.OK, Result("01")));

        var answer = await client.SearchAsync(TestData.QualifiedUsager(), CancellationToken.None);

        answer.CodeCr.ShouldBe("01");
        handler.Requests.Select(body => XDocument.Parse(body).Descendants().Single(element => element.Name.LocalName == "Prenom").Value)
            .ShouldBe(["HELENE", "MARIE", "LOUISE"]);
    }

    [Test]
    public async Task A_00_answer_gives_the_ins_oid_and_traits()
    {
        const string Individu = """<INDIVIDU><INSACTIF><IdIndividu><NumIdentifiant>2420569123456</NumIdentifiant><Cle>61</Cle></IdIndividu><OID>1.2.250.1.213.1.4.8</OID></INSACTIF><TIQ><NomNaissance>MARTINEAU</NomNaissance><ListePrenom>HELENE MARIE LOUISE</ListePrenom><Sexe>F</Sexe><DateNaissance>1942-05-17</DateNaissance><LieuNaissance>69123</LieuNaissance></TIQ></INDIVIDU>""";
        var (client, _) = Create(_ => (HttpStatusCode.OK, Result("00", Individu)));

        var answer = await client.SearchAsync(TestData.QualifiedUsager(), CancellationToken.None);

        answer.ShouldSatisfyAllConditions(
            () => answer.Found.ShouldBeTrue(),
            () => answer.Ins.ShouldBe(TestData.QualifiedIns),
            () => answer.Oid.ShouldBe("1.2.250.1.213.1.4.8"),
            () => answer.GivenNames.ShouldBe("HELENE MARIE LOUISE"),
            () => answer.BirthDate.ShouldBe(new DateOnly(1942, 5, 17)));
    }

    [Test]
    public async Task A_soap_fault_becomes_an_error_with_its_reason()
    {
        const string Fault = """<env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><env:Fault><env:Reason><env:Text xml:lang="fr">Aucun certificat client présenté</env:Text></env:Reason></env:Fault></env:Body></env:Envelope>""";
        var (client, _) = Create(_ => (HttpStatusCode.BadRequest, Fault));

        var answer = await client.SearchAsync(TestData.QualifiedUsager(), CancellationToken.None);

        answer.Error.ShouldNotBeNull();
        answer.Error.ShouldContain("Aucun certificat client présenté");
    }

    [Test]
    public async Task Without_endpoint_the_client_answers_that_no_insi_is_configured()
    {
        var client = new InsiClient(null, null, "DUI", "1", "IDAM");

        var answer = await client.SearchAsync(TestData.QualifiedUsager(), CancellationToken.None);

        answer.Error!.ShouldContain("INSi");
    }
}
