namespace DuiConformance.Simulators.Insi;

/// <summary>An INS as INSi returns it: the 15-character matricule (13-character number and 2-digit key) and its OID.</summary>
/// <param name="Matricule">NumIdentifiant followed by Cle, e.g. <c>242056912345661</c>.</param>
/// <param name="Oid">INS-NIR <c>1.2.250.1.213.1.4.8</c> or INS-NIA <c>.9</c> (domain.md §2.3).</param>
public sealed record InsiIns(string Matricule, string Oid)
{
    /// <summary>The 13-character number (<c>NumIdentifiant</c>).</summary>
    public string Number => Matricule[..13];

    /// <summary>The 2-digit key (<c>Cle</c>).</summary>
    public string Key => Matricule[13..];
}
