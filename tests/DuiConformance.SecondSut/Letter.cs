namespace DuiConformance.SecondSut;

/// <summary>A document the second SUT produced for a resident: its CDA bytes and identifiers.</summary>
public sealed record Letter(int Number, int Resident, string DocumentOid, byte[] Cda, DateTimeOffset CreatedAt);
