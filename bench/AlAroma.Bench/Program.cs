namespace AlAroma.Bench;

/// <summary>Entry point: <c>dotnet run -c Release --project bench/AlAroma.Bench -- warehouse|pos|import-bomb [options]</c> (see README.md).</summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        switch (args.FirstOrDefault())
        {
            case "warehouse": return await WarehouseBench.RunAsync(args[1..]);
            case "pos": return await PosBench.RunAsync(args[1..]);
            case "import-bomb": return await ImportBombBench.RunAsync(args[1..]);
            case "outbox": return await OutboxBench.RunAsync(args[1..]);
            case "broadcast": return await BroadcastBench.RunAsync(args[1..]);
            case "leads": return await LeadsBench.RunAsync(args[1..]);
            default:
                Console.WriteLine("usage: dotnet run -c Release --project bench/AlAroma.Bench -- warehouse [--iterations N] [--products N] [--movements N] [--reuse]");
                Console.WriteLine("       dotnet run -c Release --project bench/AlAroma.Bench -- import-bomb");
                Console.WriteLine("       dotnet run -c Release --project bench/AlAroma.Bench -- outbox [--messages 100000] [--rate 500] [--instances 2] [--steady-seconds 20]");
                Console.WriteLine("       dotnet run -c Release --project bench/AlAroma.Bench -- broadcast [--customers 10000] [--cap 30] [--rate 30] [--instances 1]");
                Console.WriteLine("       dotnet run -c Release --project bench/AlAroma.Bench -- leads [--base 2000000] [--rows 1000000] [--operators 50] [--rounds 20]");
                Console.WriteLine("       dotnet run -c Release --project bench/AlAroma.Bench -- pos [--iterations N] [--tills 20] [--seconds 20] [--products N] [--movements N] [--pgbench-scale 10] [--reuse]");
                return 2;
        }
    }
}
