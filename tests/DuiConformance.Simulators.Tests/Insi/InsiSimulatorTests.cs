using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using DuiConformance.Core.Evidence;
using DuiConformance.Simulators.Insi;

namespace DuiConformance.Simulators.Tests.Insi;

[Category("Network")]
[Description("domain.md §2.2: the simulated INSi answers look-ups by traits over mutual TLS, from fixtures/identities.")]
public sealed class InsiSimulatorTests
{
    private string _directory = null!;
    private EvidenceStore _evidence = null!;
    private InsiCertificates _certificates = null!;
    private InsiSimulator _simulator = null!;
    private HttpClient _client = null!;

    [OneTimeSetUp]
    public async Task Start_the_simulator()
    {
        _directory = Path.Combine(Path.GetTempPath(), "insi-tests-" + Guid.NewGuid().ToString("N"));
        _evidence = new EvidenceStore(_directory, new EvidenceTagContext("test"));
        _certificates = InsiCertificates.Create();
        _simulator = await InsiSimulator.StartAsync(new InsiSimulatorOptions { MaxRequestBodySize = 16 * 1024 }, _certificates, _evidence).WaitAsync(TimeSpan.FromSeconds(20));
        _client = InsiTestClient.Create(_certificates, _certificates.Client);
    }

    [OneTimeTearDown]
    public async Task Stop_the_simulator()
    {
        _client.Dispose();
        await _simulator.DisposeAsync();
        _certificates.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [Test]
    public async Task A_look_up_matching_one_person_answers_00_with_the_active_ins_the_history_and_the_traits()
    {
        var (status, answer) = await InsiTestClient.PostAsync(_client, _simulator.Endpoint, InsiTestClient.SearchRequest("BERTIN", "LUCIEN", "M", "1948-08-30"));

        XNamespace r = InsiSoap.Resultat;
        var individu = answer.Descendants(r + "INDIVIDU").Single();
        answer.ShouldSatisfyAllConditions(
            () => status.ShouldBe(200),
            () => InsiTestClient.CodeCr(answer).ShouldBe("00"),
            () => individu.Element(r + "INSACTIF")!.Descendants(r + "NumIdentifiant").Single().Value.ShouldBe("1480833063011"),
            () => individu.Element(r + "INSACTIF")!.Descendants(r + "Cle").Single().Value.ShouldBe("75"),
            () => individu.Element(r + "INSACTIF")!.Element(r + "OID")!.Value.ShouldBe("1.2.250.1.213.1.4.8"),
            () => individu.Elements(r + "INSHISTO").Single().Element(r + "OID")!.Value.ShouldBe("1.2.250.1.213.1.4.9"),
            () => individu.Descendants(r + "ListePrenom").Single().Value.ShouldBe("LUCIEN PAUL"),
            () => individu.Descendants(r + "LieuNaissance").Single().Value.ShouldBe("33063"),
            () => answer.Descendants(InsiSoap.Addressing + "RelatesTo").Single().Value.ShouldBe("uuid:1f7a3c1e-0000-4000-8000-000000000003"));
    }

    [Test]
    public async Task A_look_up_matching_nobody_answers_01_without_individual()
    {
        var (status, answer) = await InsiTestClient.PostAsync(_client, _simulator.Endpoint, InsiTestClient.SearchRequest("INCONNU", "PERSONNE", "F", "1930-01-01"));

        status.ShouldBe(200);
        InsiTestClient.CodeCr(answer).ShouldBe("01");
        answer.Descendants(InsiSoap.Resultat + "INDIVIDU").ShouldBeEmpty();
    }

    [Test]
    public async Task A_look_up_matching_two_people_answers_02_and_the_birth_place_narrows_it_to_00()
    {
        var (_, several) = await InsiTestClient.PostAsync(_client, _simulator.Endpoint, InsiTestClient.SearchRequest("LEGRAND", "CAMILLE", "F", "1950-03-03"));
        var (_, one) = await InsiTestClient.PostAsync(_client, _simulator.Endpoint, InsiTestClient.SearchRequest("LEGRAND", "CAMILLE", "F", "1950-03-03", "75056"));

        InsiTestClient.CodeCr(several).ShouldBe("02");
        several.Descendants(InsiSoap.Resultat + "INDIVIDU").ShouldBeEmpty();
        InsiTestClient.CodeCr(one).ShouldBe("00");
        one.Descendants(InsiSoap.Resultat + "NumIdentifiant").Single().Value.ShouldBe("2500375056123");
    }

    [Test]
    public async Task Every_request_and_its_answer_are_recorded_with_the_tls_facts()
    {
        var before = _evidence.Items.Count;
        await InsiTestClient.PostAsync(_client, _simulator.Endpoint, InsiTestClient.SearchRequest("MARTINEAU", "HELENE", "F", "1942-05-17"));

        var items = _evidence.Items.Skip(before).ToList();
        var request = items.Single(item => item.Kind == EvidenceKinds.InsiRequest);
        var response = items.Single(item => item.Kind == EvidenceKinds.InsiResponse);
        request.ShouldSatisfyAllConditions(
            () => request.Property(InsiProperties.Action).ShouldBe(InsiSoap.SearchByTraitsAction),
            () => request.Property(InsiProperties.ClientCertificate).ShouldBe("true"),
            () => request.Property(InsiProperties.ClientSubject)!.ShouldContain("INSI-AUTO"),
            () => request.Property(InsiProperties.TlsProtocol)!.ShouldStartWith("Tls1"),
            () => response.Property(InsiProperties.Related).ShouldBe(request.Id),
            () => response.Property(InsiProperties.CodeCr).ShouldBe("00"),
            () => response.Property(InsiProperties.Exchange).ShouldBe(request.Property(InsiProperties.Exchange)),
            () => System.Text.Encoding.UTF8.GetString(_evidence.ReadContent(request)).ShouldContain("<NomNaissance>MARTINEAU</NomNaissance>"));
    }

    private static IEnumerable<TestCaseData> HostileRequests()
    {
        yield return new TestCaseData("<not xml", "insi:MessageMalforme").SetName("Malformed_xml_gets_a_MessageMalforme_fault");
        yield return new TestCaseData("<!DOCTYPE x [<!ENTITY a \"aaaa\">]><x>&a;</x>", "insi:MessageMalforme").SetName("A_DTD_gets_a_MessageMalforme_fault");
        yield return new TestCaseData("<Envelope/>", "insi:MessageMalforme").SetName("A_root_that_is_not_a_soap_envelope_gets_a_MessageMalforme_fault");
        yield return new TestCaseData(InsiTestClient.SearchRequest("A", "B", "F", "1950-01-01", envelopeNamespace: "http://schemas.xmlsoap.org/soap/envelope/"), "insi:MessageMalforme").SetName("A_soap_1_1_envelope_gets_a_MessageMalforme_fault");
        yield return new TestCaseData(InsiTestClient.SearchRequest("A", "B", "F", "1950-01-01", withLps: false), "insi:EnteteManquant").SetName("A_request_without_ContexteLPS_gets_an_EnteteManquant_fault");
        yield return new TestCaseData(InsiTestClient.SearchRequest("A", "B", "F", "1950-01-01", withMessageId: false), "insi:EnteteManquant").SetName("A_request_without_MessageID_gets_an_EnteteManquant_fault");
        yield return new TestCaseData(InsiTestClient.SearchRequest("A", "B", "F", "1950-01-01", action: ""), "insi:EnteteManquant").SetName("A_request_without_Action_gets_an_EnteteManquant_fault");
        yield return new TestCaseData(InsiTestClient.SearchRequest("A", "B", "F", "1950-01-01", action: "urn:autre"), "insi:ActionInconnue").SetName("An_unknown_action_gets_an_ActionInconnue_fault");
        yield return new TestCaseData(InsiTestClient.SearchRequest("A", "B", "F", "1950-01-01", action: InsiSoap.SearchByVitaleAction), "insi:ActionInconnue").SetName("The_vitale_card_action_gets_a_not_simulated_fault");
        yield return new TestCaseData(InsiTestClient.SearchRequest("A", "", "F", "1950-01-01"), "insi:TraitsInvalides").SetName("A_missing_given_name_gets_a_TraitsInvalides_fault");
        yield return new TestCaseData(InsiTestClient.SearchRequest("A", "B", "F", "17/05/1942"), "insi:TraitsInvalides").SetName("A_french_date_gets_a_TraitsInvalides_fault");
    }

    [TestCaseSource(nameof(HostileRequests))]
    public async Task Hostile_input_gets_a_soap_fault_with_a_reason_and_is_recorded(string body, string subcode)
    {
        var before = _evidence.Items.Count;
        var (status, answer) = await InsiTestClient.PostAsync(_client, _simulator.Endpoint, body);

        status.ShouldBe(400);
        InsiTestClient.FaultSubcode(answer).ShouldBe(subcode);
        InsiTestClient.FaultReason(answer).ShouldNotBeNullOrWhiteSpace();
        _evidence.Items.Skip(before).Select(item => item.Kind).ShouldBe([EvidenceKinds.InsiRequest, EvidenceKinds.InsiResponse]);
        var (_, after) = await InsiTestClient.PostAsync(_client, _simulator.Endpoint, InsiTestClient.SearchRequest("MARTINEAU", "HELENE", "F", "1942-05-17"));
        InsiTestClient.CodeCr(after).ShouldBe("00");
    }

    [Test]
    public async Task A_get_gets_a_soap_fault_not_a_bare_405()
    {
        using var response = await _client.GetAsync(_simulator.Endpoint).WaitAsync(TimeSpan.FromSeconds(10));
        var answer = XDocument.Parse(await response.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(10)));

        ((int)response.StatusCode).ShouldBe(400);
        InsiTestClient.FaultSubcode(answer).ShouldBe("insi:MessageMalforme");
        InsiTestClient.FaultReason(answer)!.ShouldContain("POST");
    }

    [Test]
    public async Task A_wrong_content_type_gets_a_fault()
    {
        var (status, answer) = await InsiTestClient.PostAsync(_client, _simulator.Endpoint, InsiTestClient.SearchRequest("A", "B", "F", "1950-01-01"), "text/xml");

        status.ShouldBe(400);
        InsiTestClient.FaultSubcode(answer).ShouldBe("insi:TypeDeContenuIncorrect");
    }

    [Test]
    public async Task An_oversized_request_gets_a_fault_and_is_not_stored()
    {
        var body = InsiTestClient.SearchRequest("A", "B", "F", "1950-01-01").Replace("<soap:Body>", "<soap:Body><!--" + new string('x', 40_000) + "-->", StringComparison.Ordinal);
        var before = _evidence.Items.Count;

        var (status, answer) = await InsiTestClient.PostAsync(_client, _simulator.Endpoint, body);

        status.ShouldBe(400);
        InsiTestClient.FaultSubcode(answer).ShouldBe("insi:MessageTropVolumineux");
        var request = _evidence.Items.Skip(before).First(item => item.Kind == EvidenceKinds.InsiRequest);
        request.Flag(InsiProperties.Oversized).ShouldBeTrue();
        request.Length.ShouldBe(0);
    }

    [Test]
    public async Task A_call_without_client_certificate_gets_a_CertificatClientAbsent_fault_and_is_recorded()
    {
        using var anonymous = InsiTestClient.Create(_certificates, null);
        var before = _evidence.Items.Count;

        var (status, answer) = await InsiTestClient.PostAsync(anonymous, _simulator.Endpoint, InsiTestClient.SearchRequest("MARTINEAU", "HELENE", "F", "1942-05-17"));

        status.ShouldBe(400);
        InsiTestClient.FaultSubcode(answer).ShouldBe("insi:CertificatClientAbsent");
        InsiTestClient.FaultReason(answer)!.ShouldContain("certificat");
        _evidence.Items.Skip(before).First(item => item.Kind == EvidenceKinds.InsiRequest).Property(InsiProperties.ClientCertificate).ShouldBe("false");
    }

    [Test]
    public async Task A_client_certificate_from_another_authority_gets_a_CertificatClientRefuse_fault()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=intrus", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var selfSigned = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        using var stranger = X509CertificateLoader.LoadPkcs12(selfSigned.Export(X509ContentType.Pfx), null);
        using var client = InsiTestClient.Create(_certificates, stranger);

        var (status, answer) = await InsiTestClient.PostAsync(client, _simulator.Endpoint, InsiTestClient.SearchRequest("MARTINEAU", "HELENE", "F", "1942-05-17"));

        status.ShouldBe(400);
        InsiTestClient.FaultSubcode(answer).ShouldBe("insi:CertificatClientRefuse");
    }
}
