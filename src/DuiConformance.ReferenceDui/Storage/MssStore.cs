using System.Globalization;
using Microsoft.Data.Sqlite;

namespace DuiConformance.ReferenceDui.Storage;

/// <summary>
/// The MSSanté part of the DUI's SQLite file: visibility restrictions of documents, usagers' opposition to patient
/// messaging, receipts matched to sent messages, and messages received and filed. Same file as
/// <see cref="ReferenceDuiDatabase"/>, its own tables.
/// </summary>
internal sealed class MssStore
{
    private readonly string _connectionString;

    public MssStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
    }

    /// <summary>Creates the tables when they do not exist yet.</summary>
    public Task EnsureSchemaAsync(CancellationToken cancellationToken) => ExecuteAsync("""
        CREATE TABLE IF NOT EXISTS document_restrictions (document_id INTEGER PRIMARY KEY, restriction TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS mss_oppositions (usager_id INTEGER PRIMARY KEY, opposed INTEGER NOT NULL, at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS mss_receipts (
            id INTEGER PRIMARY KEY AUTOINCREMENT, message_id TEXT NOT NULL, recipient TEXT NOT NULL, kind TEXT NOT NULL,
            status TEXT NOT NULL, at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS received_messages (
            id INTEGER PRIMARY KEY AUTOINCREMENT, usager_id INTEGER, message_id TEXT NOT NULL, sender TEXT NOT NULL,
            sender_label TEXT NOT NULL, subject TEXT NOT NULL, received_at TEXT NOT NULL, matched_by TEXT NOT NULL,
            cda_title TEXT, cda BLOB);
        """, [], cancellationToken);

    /// <summary>Deletes every restriction, opposition, receipt and received message (the test hooks' reset).</summary>
    public Task ResetAsync(CancellationToken cancellationToken) =>
        ExecuteAsync("DELETE FROM document_restrictions; DELETE FROM mss_oppositions; DELETE FROM mss_receipts; DELETE FROM received_messages;", [], cancellationToken);

    /// <summary>The restriction of a document, or <c>null</c>.</summary>
    public async Task<string?> GetRestrictionAsync(long documentId, CancellationToken cancellationToken) =>
        await ScalarAsync("SELECT restriction FROM document_restrictions WHERE document_id = $id;", [("$id", documentId)], cancellationToken).ConfigureAwait(false) as string;

    /// <summary>Sets (or with <c>null</c> clears) the restriction of a document.</summary>
    public Task SetRestrictionAsync(long documentId, string? restriction, CancellationToken cancellationToken) => restriction is null
        ? ExecuteAsync("DELETE FROM document_restrictions WHERE document_id = $id;", [("$id", documentId)], cancellationToken)
        : ExecuteAsync("INSERT OR REPLACE INTO document_restrictions (document_id, restriction) VALUES ($id, $r);", [("$id", documentId), ("$r", restriction)], cancellationToken);

    /// <summary>True when the usager opposed being written to in Mon espace santé.</summary>
    public async Task<bool> IsOpposedAsync(long usagerId, CancellationToken cancellationToken) =>
        await ScalarAsync("SELECT opposed FROM mss_oppositions WHERE usager_id = $id;", [("$id", usagerId)], cancellationToken).ConfigureAwait(false) is long opposed && opposed != 0;

    /// <summary>Records the usager's choice about patient messaging.</summary>
    public Task SetOppositionAsync(long usagerId, bool opposed, DateTimeOffset at, CancellationToken cancellationToken) =>
        ExecuteAsync("INSERT OR REPLACE INTO mss_oppositions (usager_id, opposed, at) VALUES ($id, $o, $at);",
            [("$id", usagerId), ("$o", opposed ? 1 : 0), ("$at", Format(at))], cancellationToken);

    /// <summary>Records a receipt about a sent message.</summary>
    public Task InsertReceiptAsync(MssReceipt receipt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        return ExecuteAsync("INSERT INTO mss_receipts (message_id, recipient, kind, status, at) VALUES ($m, $r, $k, $s, $at);",
            [("$m", receipt.MessageId), ("$r", receipt.Recipient), ("$k", receipt.Kind), ("$s", receipt.Status), ("$at", Format(receipt.At))], cancellationToken);
    }

    /// <summary>True when a message with this Message-ID was sent by the DUI (so a receipt can be matched to it).</summary>
    public async Task<bool> WasSentAsync(string messageId, CancellationToken cancellationToken) =>
        await ScalarAsync("SELECT COUNT(*) FROM sends WHERE message_id = $m;", [("$m", messageId)], cancellationToken).ConfigureAwait(false) is long count && count > 0;

    /// <summary>The receipts about the sends of one document, oldest first.</summary>
    public async Task<IReadOnlyList<MssReceipt>> ListReceiptsAsync(long documentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.message_id, r.recipient, r.kind, r.status, r.at FROM mss_receipts r
            WHERE r.message_id IN (SELECT message_id FROM sends WHERE document_id = $id) ORDER BY r.id;
            """;
        command.Parameters.AddWithValue("$id", documentId);
        var result = new List<MssReceipt>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new MssReceipt(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), Parse(reader.GetString(4))));
        }

        return result;
    }

    /// <summary>Stores a received message and returns it with its id.</summary>
    public async Task<ReceivedMessage> InsertReceivedAsync(ReceivedMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var id = await ScalarAsync("""
            INSERT INTO received_messages (usager_id, message_id, sender, sender_label, subject, received_at, matched_by, cda_title, cda)
            VALUES ($u, $m, $s, $l, $subject, $at, $by, $title, $cda) RETURNING id;
            """,
            [("$u", message.UsagerId), ("$m", message.MessageId), ("$s", message.Sender), ("$l", message.SenderLabel), ("$subject", message.Subject),
             ("$at", Format(message.ReceivedAt)), ("$by", message.MatchedBy), ("$title", message.CdaTitle), ("$cda", message.Cda)],
            cancellationToken).ConfigureAwait(false);
        return message with { Id = (long)id! };
    }

    /// <summary>The messages filed into a usager's record (or, with <c>null</c>, the unfiled ones), newest first.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> ListReceivedAsync(long? usagerId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = usagerId is null
            ? "SELECT id, usager_id, message_id, sender, sender_label, subject, received_at, matched_by, cda_title, cda FROM received_messages WHERE usager_id IS NULL ORDER BY id DESC;"
            : "SELECT id, usager_id, message_id, sender, sender_label, subject, received_at, matched_by, cda_title, cda FROM received_messages WHERE usager_id = $u ORDER BY id DESC;";
        command.Parameters.AddWithValue("$u", (object?)usagerId ?? DBNull.Value);
        var result = new List<ReceivedMessage>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            result.Add(new ReceivedMessage(
                reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                reader.GetString(5), Parse(reader.GetString(6)), reader.GetString(7), reader.IsDBNull(8) ? null : reader.GetString(8),
                reader.IsDBNull(9) ? null : (byte[])reader.GetValue(9)));
        }

        return result;
    }

    private async Task ExecuteAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<object?> ScalarAsync(string sql, (string Name, object? Value)[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return value is DBNull ? null : value;
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql, (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static string Format(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset Parse(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}
