namespace FeeEngine.Schedules;

/// <summary>What a file in a CMS release folder is.</summary>
public enum CmsFileKind
{
    Unknown,
    /// <summary>PPRRVU: national RVUs and payment-policy indicators.</summary>
    Pprrvu,
    /// <summary>GPCI: geographic practice cost indices by locality (Addendum E).</summary>
    Gpci,
    /// <summary>ANES: locality anesthesia conversion factors.</summary>
    Anesthesia,
    /// <summary>OPPSCAP: OPPS-capped imaging prices by locality.</summary>
    OppsCap,
    /// <summary>ZIP5: ZIP code to carrier locality.</summary>
    Zip5,
    /// <summary>ZIP9: ZIP+4 exceptions for split ZIP codes.</summary>
    Zip9,
    /// <summary>LOCCO: locality to county names (informational).</summary>
    LocalityCounty,
    /// <summary>A PDF or record-layout description, not data.</summary>
    Documentation,
}
