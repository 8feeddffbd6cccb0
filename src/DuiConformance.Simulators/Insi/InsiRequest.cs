namespace DuiConformance.Simulators.Insi;

/// <summary>A well-formed INSi request as the simulator read it (headers checked, traits parsed).</summary>
/// <param name="Action">The WS-Addressing Action.</param>
/// <param name="MessageId">The WS-Addressing MessageID (<c>uuid:…</c>).</param>
/// <param name="LpsName">ContexteLPS <c>Nom</c> (<c>urn:lps:…</c>).</param>
/// <param name="Traits">The traits of <c>RECSANSVITALE</c>.</param>
public sealed record InsiRequest(string Action, string MessageId, string LpsName, InsiTraits Traits);
