namespace DuiConformance.Core.Eligibility;

/// <summary>
/// ESSMS a rule does not bind (e.g. PJM for the MSSanté and DMP usage targets): the exemption holds for ESSMS of
/// <paramref name="Sector"/> (and, when given, with or without a SONS order) when parameter <paramref name="When"/>
/// has the value <paramref name="Is"/> (domain.md §7 Exemptions, §7b 2025 campaign).
/// </summary>
/// <param name="Sector">The sector: <c>pa</c>, <c>ph</c>, <c>ahi</c>, <c>pjm</c> or <c>autre</c>.</param>
/// <param name="SonsOrder">When set, only ESSMS with (true) or without (false) a SONS order.</param>
/// <param name="When">The boolean parameter that carries the exemption.</param>
/// <param name="Is">The value of <paramref name="When"/> for which the exemption holds (<c>true</c>/<c>false</c>).</param>
/// <param name="Relax">
/// True for a softer exemption: those ESSMS stay bound, but a failed requirement only puts them at risk (e.g. AHI, whose
/// solution need only be a referencing candidate when the agreement is signed: instruction 2025/40 §I.B).
/// </param>
public sealed record RuleExemption(string Sector, bool? SonsOrder, string When, string Is, bool Relax = false);
