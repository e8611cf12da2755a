using FeeEngine.Cli.Hosting;

namespace FeeEngine.Cli.Commands;

/// <summary>Every <c>feeengine</c> command, in the order the overview lists them (the program and the tests share it).</summary>
public static class CommandCatalog
{
    public static IReadOnlyList<ICommand> All() =>
    [
        new ImportCmsCommand(), new PriceCommand(), new PriceFileCommand(), new ReleasesCommand(), new ImportAnesthesiaBaseUnitsCommand(), new ImportClfsCommand(), new ImportDmeposCommand(), new ImportAspCommand(),
        new ContractsLoadCommand(), new ContractsImportCommand(), new ContractsListCommand(), new ReconcileCommand(),
        new ExportCompareCommand(), new ExportImpactCommand(), new ExportUnderpaymentsCommand(),
        new JobsSubmitCommand(), new JobsListCommand(), new JobsShowCommand(), new JobsCancelCommand(),
    ];
}
