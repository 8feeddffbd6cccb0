namespace DuiConformance.ReferenceDui.Identity;

/// <summary>
/// The RNIV status transitions of the reference DUI (RNIV EXI SI 07, domain.md §2.1, §8.1 INS-09, INS-10, INS-12):
/// an INSi answer 00 moves PROV to RECUP and VALI to QUAL and brings the INSi traits; a high-trust document check
/// moves PROV to VALI and RECUP to QUAL; 01/02 change nothing; a verification that does not confirm the stored INS
/// raises an alert and withdraws the qualification, keeping the stored INS.
/// </summary>
internal static class IdentityVigilance
{
    /// <summary>The outcome of a transition: the usager to store (null: unchanged) and the French message to show.</summary>
    public sealed record Transition(Usager? Updated, string Message, bool IsAlert);

    /// <summary>Applies an INSi look-up answer.</summary>
    public static Transition AfterSearch(Usager usager, InsiAnswer answer)
    {
        ArgumentNullException.ThrowIfNull(usager);
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Error is not null)
        {
            return new Transition(null, "Téléservice INSi : " + answer.Error, true);
        }

        if (!answer.Found)
        {
            return new Transition(null, answer.CodeCr switch
            {
                "01" => "Téléservice INSi : aucune identité trouvée (01). Le statut de l'identité est inchangé.",
                "02" => "Téléservice INSi : plusieurs identités trouvées (02). Le statut de l'identité est inchangé ; vérifiez les traits.",
                _ => $"Téléservice INSi : réponse {answer.CodeCr} inattendue. Le statut de l'identité est inchangé.",
            }, true);
        }

        var updated = WithInsiTraits(usager, answer) with
        {
            Status = usager.DocumentChecked || usager.Status is IdentityStatus.Validee or IdentityStatus.Qualifiee ? IdentityStatus.Qualifiee : IdentityStatus.Recuperee,
            IdentityAlert = null,
        };
        return new Transition(updated, $"Téléservice INSi : identité trouvée (00), INS {answer.Ins} récupérée. Statut : {IdentityStatusCodes.Label(updated.Status)}.", false);
    }

    /// <summary>Applies an INSi verification answer for a usager who holds an INS.</summary>
    public static Transition AfterVerification(Usager usager, InsiAnswer answer, bool overwriteOnMismatch)
    {
        ArgumentNullException.ThrowIfNull(usager);
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Error is not null)
        {
            return new Transition(null, "Téléservice INSi : " + answer.Error, true);
        }

        var confirmed = answer.Found
            && string.Equals(answer.Ins, usager.Ins, StringComparison.Ordinal)
            && string.Equals(answer.BirthName, usager.BirthName, StringComparison.Ordinal)
            && string.Equals(answer.GivenNames, usager.BirthGivenNames, StringComparison.Ordinal)
            && string.Equals(answer.Sex, usager.Sex, StringComparison.Ordinal)
            && answer.BirthDate == usager.BirthDate;
        if (confirmed)
        {
            return new Transition(usager with { InsOid = answer.Oid ?? usager.InsOid }, $"Téléservice INSi : INS {usager.Ins} vérifiée (00).", false);
        }

        if (overwriteOnMismatch && answer.Found)
        {
            // Note: deliberate defect stored-ins-overwritten-on-mismatch: the stored INS is silently replaced.
            return new Transition(WithInsiTraits(usager, answer), $"Téléservice INSi : INS {answer.Ins} enregistrée.", false);
        }

        var alert = answer.Found
            ? $"L'INSi renvoie l'INS {answer.Ins} ({answer.BirthName} {answer.GivenNames}) alors que l'INS enregistrée est {usager.Ins} : identité à vérifier."
            : $"L'INSi ne confirme pas l'INS enregistrée {usager.Ins} (réponse {answer.CodeCr}) : identité à vérifier.";
        var downgraded = usager with
        {
            IdentityAlert = alert,
            Status = usager.Status switch
            {
                IdentityStatus.Qualifiee => IdentityStatus.Validee,
                IdentityStatus.Recuperee => IdentityStatus.Provisoire,
                var other => other,
            },
        };
        return new Transition(downgraded, "Téléservice INSi : incohérence. " + alert, true);
    }

    /// <summary>Records a high-trust identity document check.</summary>
    public static Transition AfterDocumentCheck(Usager usager)
    {
        ArgumentNullException.ThrowIfNull(usager);
        var updated = usager with
        {
            DocumentChecked = true,
            Status = usager.Status switch
            {
                IdentityStatus.Provisoire => IdentityStatus.Validee,
                IdentityStatus.Recuperee => IdentityStatus.Qualifiee,
                var other => other,
            },
        };
        return new Transition(updated, $"Identité validée par une pièce d'identité à haut niveau de confiance. Statut : {IdentityStatusCodes.Label(updated.Status)}.", false);
    }

    private static Usager WithInsiTraits(Usager usager, InsiAnswer answer) => usager with
    {
        // Note: the INSi traits become the reference traits of the identity (domain.md §2.4: emitted traits equal TIQ).
        BirthName = answer.BirthName ?? usager.BirthName,
        BirthGivenNames = answer.GivenNames ?? usager.BirthGivenNames,
        Sex = answer.Sex ?? usager.Sex,
        BirthDate = answer.BirthDate ?? usager.BirthDate,
        BirthPlace = answer.BirthPlace ?? usager.BirthPlace,
        Ins = answer.Ins,
        InsOid = answer.Oid,
    };
}
