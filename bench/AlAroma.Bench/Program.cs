namespace AlAroma.Bench;

/// <summary>Entry point: <c>dotnet run -c Release --project bench/AlAroma.Bench -- warehouse [--iterations N] [--products N] [--movements N] [--reuse]</c>.</summary>
public static class BenchMain
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length == 0 || args[0] != "warehouse")
        {
            Console.WriteLine("usage: dotnet run -c Release --project bench/AlAroma.Bench -- warehouse [--iterations N] [--products N] [--movements N] [--reuse]");
            return 2;
        }
        return await WarehouseBench.RunAsync(args[1..]);
    }
}
