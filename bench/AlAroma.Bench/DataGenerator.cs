using System.Diagnostics;
using Npgsql;
using NpgsqlTypes;

namespace AlAroma.Bench;

/// <summary>
/// Bulk data with binary COPY: products with EAN-13 barcodes, 5 locations, a ledger whose running balances never go
/// negative, and the balances equal to the sum of the ledger. The ledger's secondary indexes and foreign keys are
/// dropped during the COPY and recreated from their own definitions afterwards (bulk build instead of per-row upkeep).
/// </summary>
internal static class DataGenerator
{
    private static readonly string[] Brands =
    [
        "Chanel", "Dior", "Guerlain", "Tom Ford", "Lancôme", "Armani", "Yves Saint Laurent", "Hermès", "Creed", "Kilian",
        "Givenchy", "Versace", "Prada", "Gucci", "Jo Malone", "Byredo", "Le Labo", "Montale", "Mancera", "Narciso Rodriguez",
    ];

    private static readonly string[] Categories = ["Парфюмерная вода", "Туалетная вода", "Духи", "Одеколон", "Набор"];
    private static readonly string[] Words = ["Noir", "Rose", "Oud", "Ambre", "Bleu", "Vanille", "Cuir", "Musc", "Santal", "Iris", "Neroli", "Vetiver"];

    public static async Task LoadAsync(string cs, int productCount, int movementCount)
    {
        await using var conn = new NpgsqlConnection(cs);
        await conn.OpenAsync();
        var sw = Stopwatch.StartNew();
        var rnd = new Random(42);
        var now = DateTime.UtcNow;

        await BenchHost.Exec(conn, """
            INSERT INTO locations (code, name, kind, address, time_zone_id, is_active) VALUES
            ('WH', 'Центральный склад', 'Warehouse', 'Москва, ул. Складочная, 1', 'Europe/Moscow', true),
            ('S1', 'Магазин на Тверской', 'Shop', 'Москва, ул. Тверская, 12', 'Europe/Moscow', true),
            ('S2', 'Магазин в ТЦ «Авиапарк»', 'Shop', 'Москва, Ходынский б-р, 4', 'Europe/Moscow', true),
            ('S3', 'Магазин в Казани', 'Shop', 'Казань, ул. Баумана, 7', 'Europe/Moscow', true),
            ('S4', 'Магазин в Екатеринбурге', 'Shop', 'Екатеринбург, ул. Вайнера, 9', 'Asia/Yekaterinburg', true)
            """);
        var locations = new List<int>();
        await using (var cmd = new NpgsqlCommand("SELECT id FROM locations ORDER BY id", conn))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) locations.Add(r.GetInt32(0));

        await using (var w = await conn.BeginBinaryImportAsync(
                         "COPY products (sku, name, brand, category, volume_ml, retail_price, average_cost, is_active, created_at_utc, updated_at_utc) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 1; i <= productCount; i++)
            {
                var brand = Brands[i % Brands.Length];
                await w.StartRowAsync();
                await w.WriteAsync($"B{i:D7}", NpgsqlDbType.Text);
                await w.WriteAsync($"{brand} {Words[i % Words.Length]} {Words[(i / 7) % Words.Length]} {i:D6}", NpgsqlDbType.Text);
                await w.WriteAsync(brand, NpgsqlDbType.Text);
                await w.WriteAsync(Categories[i % Categories.Length], NpgsqlDbType.Text);
                await w.WriteAsync(new[] { 30, 50, 75, 100 }[i % 4], NpgsqlDbType.Integer);
                await w.WriteAsync((decimal)(990 + i % 200 * 100), NpgsqlDbType.Numeric);
                await w.WriteAsync((decimal)(400 + i % 200 * 45), NpgsqlDbType.Numeric);
                await w.WriteAsync(true, NpgsqlDbType.Boolean);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await w.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await w.CompleteAsync();
        }
        var firstProduct = await BenchHost.Scalar<int>(conn, "SELECT min(id) FROM products");
        Console.WriteLine($"  {productCount:N0} products in {sw.Elapsed.TotalSeconds:F1} s");

        await using (var w = await conn.BeginBinaryImportAsync("COPY barcodes (product_id, code, is_tester) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < productCount; i++)
            {
                await w.StartRowAsync();
                await w.WriteAsync(firstProduct + i, NpgsqlDbType.Integer);
                await w.WriteAsync(Ean13("46" + (1_000_000_000L + i).ToString("D10")), NpgsqlDbType.Text);
                await w.WriteAsync(false, NpgsqlDbType.Boolean);
            }
            await w.CompleteAsync();
        }
        Console.WriteLine($"  {productCount:N0} barcodes in {sw.Elapsed.TotalSeconds:F1} s");

        // Ledger: drop secondary indexes and FKs of stock_movements, COPY, recreate them from the saved definitions.
        var indexes = await List(conn, """
            SELECT indexname, indexdef FROM pg_indexes
            WHERE tablename = 'stock_movements' AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype IN ('p', 'u'))
            """);
        var fks = await List(conn, "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE conrelid = 'stock_movements'::regclass AND contype = 'f'");
        foreach (var (name, _) in fks) await BenchHost.Exec(conn, $"ALTER TABLE stock_movements DROP CONSTRAINT \"{name}\"");
        foreach (var (name, _) in indexes) await BenchHost.Exec(conn, $"DROP INDEX \"{name}\"");

        var balances = new int[locations.Count * productCount];
        var touched = new bool[balances.Length];
        var start = now.AddDays(-730);
        var step = TimeSpan.FromDays(730).Ticks / Math.Max(1, movementCount);
        await using (var w = await conn.BeginBinaryImportAsync(
                         "COPY stock_movements (location_id, product_id, quantity, balance_after, kind, document_number, document_id, occurred_at_utc, user_name) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < movementCount; i++)
            {
                var li = rnd.Next(locations.Count);
                var pi = rnd.Next(productCount);
                var k = li * productCount + pi;
                var bal = balances[k];
                int qty; string kind;
                if (bal == 0 || rnd.Next(10) < 4) { qty = rnd.Next(1, 21); kind = li == 0 ? "GoodsReceipt" : "TransferIn"; }
                else { qty = -rnd.Next(1, Math.Min(bal, 3) + 1); kind = li == 0 ? "TransferOut" : "Sale"; }
                balances[k] = bal + qty;
                touched[k] = true;
                var doc = i / 10 + 1;
                await w.StartRowAsync();
                await w.WriteAsync(locations[li], NpgsqlDbType.Integer);
                await w.WriteAsync(firstProduct + pi, NpgsqlDbType.Integer);
                await w.WriteAsync(qty, NpgsqlDbType.Integer);
                await w.WriteAsync(balances[k], NpgsqlDbType.Integer);
                await w.WriteAsync(kind, NpgsqlDbType.Text);
                await w.WriteAsync($"BN-{doc:D7}", NpgsqlDbType.Text);
                await w.WriteAsync((long)doc, NpgsqlDbType.Bigint);
                await w.WriteAsync(new DateTime(start.Ticks + step * i, DateTimeKind.Utc), NpgsqlDbType.TimestampTz);
                await w.WriteAsync("bench", NpgsqlDbType.Text);
            }
            await w.CompleteAsync();
        }
        Console.WriteLine($"  {movementCount:N0} ledger rows in {sw.Elapsed.TotalSeconds:F1} s");

        await using (var w = await conn.BeginBinaryImportAsync("COPY stock_balances (location_id, product_id, quantity) FROM STDIN (FORMAT BINARY)"))
        {
            for (var k = 0; k < balances.Length; k++)
            {
                if (!touched[k]) continue;
                await w.StartRowAsync();
                await w.WriteAsync(locations[k / productCount], NpgsqlDbType.Integer);
                await w.WriteAsync(firstProduct + k % productCount, NpgsqlDbType.Integer);
                await w.WriteAsync(balances[k], NpgsqlDbType.Integer);
            }
            await w.CompleteAsync();
        }
        Console.WriteLine($"  balances in {sw.Elapsed.TotalSeconds:F1} s");

        await BenchHost.Exec(conn, "SET maintenance_work_mem = '256MB'");
        foreach (var (_, def) in indexes) await BenchHost.Exec(conn, def);
        foreach (var (name, def) in fks) await BenchHost.Exec(conn, $"ALTER TABLE stock_movements ADD CONSTRAINT \"{name}\" {def}");
        Console.WriteLine($"  ledger indexes and foreign keys rebuilt in {sw.Elapsed.TotalSeconds:F1} s");
        await BenchHost.Exec(conn, "VACUUM ANALYZE");
        Console.WriteLine($"  vacuum analyze done in {sw.Elapsed.TotalSeconds:F1} s");
    }

    private static async Task<List<(string, string)>> List(NpgsqlConnection conn, string sql)
    {
        var list = new List<(string, string)>();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) list.Add((r.GetString(0), r.GetString(1)));
        return list;
    }

    /// <summary>12 digits + the EAN-13 check digit.</summary>
    private static string Ean13(string twelve)
    {
        var sum = 0;
        for (var i = 0; i < 12; i++) sum += (twelve[i] - '0') * (i % 2 == 0 ? 1 : 3);
        return twelve + (10 - sum % 10) % 10;
    }
}
