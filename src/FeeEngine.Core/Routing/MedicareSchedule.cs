namespace FeeEngine.Core.Routing;

/// <summary>
/// The Medicare Part B fee schedules a clinic's lines are priced by (reference section 11). A line is priced by
/// exactly one of them: the Physician Fee Schedule when it pays the code, otherwise the first other schedule that
/// lists it for the date of service.
/// </summary>
public enum MedicareSchedule
{
    /// <summary>Physician Fee Schedule (including anesthesia, priced with the PFS anesthesia conversion factors).</summary>
    Pfs,
    /// <summary>Clinical Laboratory Fee Schedule: national rates, no patient cost-sharing.</summary>
    Clfs,
    /// <summary>Durable medical equipment, prosthetics, orthotics and supplies: state fees, rural or non-rural.</summary>
    Dmepos,
    /// <summary>Parenteral and enteral nutrition: the DMEPOS method with its own file.</summary>
    ParenteralEnteral,
    /// <summary>Part B drugs: the quarterly ASP payment limit per billing unit.</summary>
    Asp,
}

public static class MedicareScheduleNames
{
    /// <summary>The name the <c>schedule</c> output column and explanations use.</summary>
    public static string Code(this MedicareSchedule schedule) => schedule switch
    {
        MedicareSchedule.Pfs => "PFS",
        MedicareSchedule.Clfs => "CLFS",
        MedicareSchedule.Dmepos => "DMEPOS",
        MedicareSchedule.ParenteralEnteral => "PEN",
        MedicareSchedule.Asp => "ASP",
        _ => throw new ArgumentOutOfRangeException(nameof(schedule), schedule, null),
    };
}
