using System.Globalization;
using DuiConformance.ReferenceDui.Identity;
using Microsoft.Data.Sqlite;

namespace DuiConformance.ReferenceDui.Storage;

/// <summary>
/// The DUI's SQLite file: usagers, the documents built for them (exact CDA bytes), DMP publications and MSSanté
/// sends. Plain SQL, one connection per operation, schema created at start when absent.
/// </summary>
internal sealed class ReferenceDuiDatabase
{
    private readonly string _path;
    private readonly string _connectionString;

    public ReferenceDuiDatabase(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        // Note: pooling off, so the file is released as soon as a connection closes (tests delete their files).
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString();
    }

    /// <summary>Creates the tables when they do not exist yet.</summary>
    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(_path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        // Note: WAL lets page reads proceed while a publication or a send is being recorded.
        command.CommandText = """
            PRAGMA journal_mode = WAL;
            CREATE TABLE IF NOT EXISTS usagers (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                birth_name TEXT NOT NULL,
                used_name TEXT,
                birth_given_names TEXT NOT NULL,
                sex TEXT NOT NULL,
                birth_date TEXT NOT NULL,
                birth_place TEXT NOT NULL,
                ins TEXT,
                identity_status TEXT NOT NULL,
                medecin_traitant TEXT,
                traitements TEXT,
                directives TEXT,
                allergies TEXT,
                preferred_facility TEXT,
                can_communicate INTEGER NOT NULL,
                oriented INTEGER NOT NULL,
                falls INTEGER NOT NULL,
                bmr_carrier INTEGER NOT NULL,
                created_at TEXT NOT NULL,
                ins_oid TEXT,
                document_checked INTEGER NOT NULL DEFAULT 0,
                identity_alert TEXT);
            CREATE TABLE IF NOT EXISTS documents (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                usager_id INTEGER NOT NULL REFERENCES usagers(id),
                document_oid TEXT NOT NULL UNIQUE,
                set_id TEXT NOT NULL,
                version INTEGER NOT NULL,
                code TEXT NOT NULL,
                code_display TEXT NOT NULL,
                title TEXT NOT NULL,
                effective_time TEXT NOT NULL,
                service_start_time TEXT NOT NULL,
                cda BLOB NOT NULL,
                created_at TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS publications (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                document_id INTEGER NOT NULL REFERENCES documents(id),
                at TEXT NOT NULL,
                succeeded INTEGER NOT NULL,
                http_status INTEGER,
                detail TEXT NOT NULL);
            CREATE TABLE IF NOT EXISTS sends (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                document_id INTEGER NOT NULL REFERENCES documents(id),
                at TEXT NOT NULL,
                recipient TEXT NOT NULL,
                message_id TEXT,
                succeeded INTEGER NOT NULL,
                detail TEXT NOT NULL);
            """;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stores a new usager and returns it with its assigned id.</summary>
    public async Task<Usager> InsertUsagerAsync(Usager usager, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO usagers (birth_name, used_name, birth_given_names, sex, birth_date, birth_place, ins, identity_status,
                medecin_traitant, traitements, directives, allergies, preferred_facility, can_communicate, oriented, falls, bmr_carrier, created_at)
            VALUES ($birthName, $usedName, $givenNames, $sex, $birthDate, $birthPlace, $ins, $status,
                $medecin, $traitements, $directives, $allergies, $facility, $communicates, $oriented, $falls, $bmr, $createdAt)
            RETURNING id;
            """;
        command.Parameters.AddWithValue("$birthName", usager.BirthName);
        command.Parameters.AddWithValue("$usedName", (object?)usager.UsedName ?? DBNull.Value);
        command.Parameters.AddWithValue("$givenNames", usager.BirthGivenNames);
        command.Parameters.AddWithValue("$sex", usager.Sex);
        command.Parameters.AddWithValue("$birthDate", usager.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$birthPlace", usager.BirthPlace);
        command.Parameters.AddWithValue("$ins", (object?)usager.Ins ?? DBNull.Value);
        command.Parameters.AddWithValue("$status", IdentityStatusCodes.Code(usager.Status));
        command.Parameters.AddWithValue("$medecin", (object?)usager.MedecinTraitant ?? DBNull.Value);
        command.Parameters.AddWithValue("$traitements", (object?)usager.Traitements ?? DBNull.Value);
        command.Parameters.AddWithValue("$directives", (object?)usager.Directives ?? DBNull.Value);
        command.Parameters.AddWithValue("$allergies", (object?)usager.Allergies ?? DBNull.Value);
        command.Parameters.AddWithValue("$facility", (object?)usager.PreferredFacility ?? DBNull.Value);
        command.Parameters.AddWithValue("$communicates", usager.CanCommunicate);
        command.Parameters.AddWithValue("$oriented", usager.Oriented);
        command.Parameters.AddWithValue("$falls", usager.Falls);
        command.Parameters.AddWithValue("$bmr", usager.BmrCarrier);
        command.Parameters.AddWithValue("$createdAt", FormatTime(usager.CreatedAt));
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return usager with { Id = id };
    }

    /// <summary>Stores the identity part of a usager (traits, INS, OID, status, document check, alert) after an identity-vigilance transition.</summary>
    public async Task UpdateIdentityAsync(Usager usager, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            UPDATE usagers SET birth_name = $birthName, birth_given_names = $givenNames, sex = $sex, birth_date = $birthDate,
                birth_place = $birthPlace, ins = $ins, ins_oid = $insOid, identity_status = $status, document_checked = $checked,
                identity_alert = $alert
            WHERE id = $id;
            """;
        command.Parameters.AddWithValue("$id", usager.Id);
        command.Parameters.AddWithValue("$birthName", usager.BirthName);
        command.Parameters.AddWithValue("$givenNames", usager.BirthGivenNames);
        command.Parameters.AddWithValue("$sex", usager.Sex);
        command.Parameters.AddWithValue("$birthDate", usager.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        command.Parameters.AddWithValue("$birthPlace", usager.BirthPlace);
        command.Parameters.AddWithValue("$ins", (object?)usager.Ins ?? DBNull.Value);
        command.Parameters.AddWithValue("$insOid", (object?)usager.InsOid ?? DBNull.Value);
        command.Parameters.AddWithValue("$status", IdentityStatusCodes.Code(usager.Status));
        command.Parameters.AddWithValue("$checked", usager.DocumentChecked);
        command.Parameters.AddWithValue("$alert", (object?)usager.IdentityAlert ?? DBNull.Value);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The usager with this id, or null.</summary>
    public async Task<Usager?> GetUsagerAsync(long id, CancellationToken cancellationToken)
    {
        var list = await QueryUsagersAsync("WHERE id = $id", id, cancellationToken).ConfigureAwait(false);
        return list.Count == 0 ? null : list[0];
    }

    /// <summary>Every usager, most recent first.</summary>
    public Task<IReadOnlyList<Usager>> ListUsagersAsync(CancellationToken cancellationToken) =>
        QueryUsagersAsync("ORDER BY id DESC", null, cancellationToken);

    /// <summary>Stores a built document and returns its id.</summary>
    public async Task<StoredDocument> InsertDocumentAsync(StoredDocument document, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO documents (usager_id, document_oid, set_id, version, code, code_display, title, effective_time, service_start_time, cda, created_at)
            VALUES ($usagerId, $oid, $setId, $version, $code, $codeDisplay, $title, $effectiveTime, $serviceStart, $cda, $createdAt)
            RETURNING id;
            """;
        command.Parameters.AddWithValue("$usagerId", document.UsagerId);
        command.Parameters.AddWithValue("$oid", document.DocumentOid);
        command.Parameters.AddWithValue("$setId", document.SetIdOid);
        command.Parameters.AddWithValue("$version", document.Version);
        command.Parameters.AddWithValue("$code", document.Code);
        command.Parameters.AddWithValue("$codeDisplay", document.CodeDisplayName);
        command.Parameters.AddWithValue("$title", document.Title);
        command.Parameters.AddWithValue("$effectiveTime", FormatTime(document.EffectiveTime));
        command.Parameters.AddWithValue("$serviceStart", FormatTime(document.ServiceStartTime));
        command.Parameters.Add("$cda", SqliteType.Blob).Value = document.CdaBytes;
        command.Parameters.AddWithValue("$createdAt", FormatTime(document.CreatedAt));
        var id = (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        return document with { Id = id };
    }

    /// <summary>The document with this id, or null.</summary>
    public async Task<StoredDocument?> GetDocumentAsync(long id, CancellationToken cancellationToken)
    {
        var list = await QueryDocumentsAsync("WHERE id = $id", id, cancellationToken).ConfigureAwait(false);
        return list.Count == 0 ? null : list[0];
    }

    /// <summary>The documents of a usager, most recent first.</summary>
    public Task<IReadOnlyList<StoredDocument>> ListDocumentsAsync(long usagerId, CancellationToken cancellationToken) =>
        QueryDocumentsAsync("WHERE usager_id = $id ORDER BY id DESC", usagerId, cancellationToken);

    /// <summary>Records the outcome of a DMP publication attempt.</summary>
    public async Task InsertPublicationAsync(long documentId, DateTimeOffset at, bool succeeded, int? httpStatus, string detail, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO publications (document_id, at, succeeded, http_status, detail) VALUES ($doc, $at, $ok, $status, $detail);";
        command.Parameters.AddWithValue("$doc", documentId);
        command.Parameters.AddWithValue("$at", FormatTime(at));
        command.Parameters.AddWithValue("$ok", succeeded);
        command.Parameters.AddWithValue("$status", (object?)httpStatus ?? DBNull.Value);
        command.Parameters.AddWithValue("$detail", detail);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the outcome of an MSSanté send attempt.</summary>
    public async Task InsertSendAsync(long documentId, DateTimeOffset at, string recipient, string? messageId, bool succeeded, string detail, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "INSERT INTO sends (document_id, at, recipient, message_id, succeeded, detail) VALUES ($doc, $at, $to, $mid, $ok, $detail);";
        command.Parameters.AddWithValue("$doc", documentId);
        command.Parameters.AddWithValue("$at", FormatTime(at));
        command.Parameters.AddWithValue("$to", recipient);
        command.Parameters.AddWithValue("$mid", (object?)messageId ?? DBNull.Value);
        command.Parameters.AddWithValue("$ok", succeeded);
        command.Parameters.AddWithValue("$detail", detail);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The history of publications and sends of a document, most recent first.</summary>
    public async Task<IReadOnlyList<DocumentEvent>> ListEventsAsync(long documentId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT 'DMP', at, succeeded, detail FROM publications WHERE document_id = $doc
            UNION ALL
            SELECT 'MSSanté → ' || recipient, at, succeeded, detail FROM sends WHERE document_id = $doc
            ORDER BY at DESC;
            """;
        command.Parameters.AddWithValue("$doc", documentId);
        var events = new List<DocumentEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            events.Add(new DocumentEvent(reader.GetString(0), ParseTime(reader.GetString(1)), reader.GetBoolean(2), reader.GetString(3)));
        }

        return events;
    }

    private async Task<IReadOnlyList<Usager>> QueryUsagersAsync(string clause, long? id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, birth_name, used_name, birth_given_names, sex, birth_date, birth_place, ins, identity_status,
                medecin_traitant, traitements, directives, allergies, preferred_facility, can_communicate, oriented, falls, bmr_carrier, created_at,
                ins_oid, document_checked, identity_alert
            FROM usagers
            """ + " " + clause + ";";
        if (id is not null)
        {
            command.Parameters.AddWithValue("$id", id.Value);
        }

        var usagers = new List<Usager>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            IdentityStatusCodes.TryParse(reader.GetString(8), out var status);
            usagers.Add(new Usager
            {
                Id = reader.GetInt64(0),
                BirthName = reader.GetString(1),
                UsedName = NullableString(reader, 2),
                BirthGivenNames = reader.GetString(3),
                Sex = reader.GetString(4),
                BirthDate = DateOnly.ParseExact(reader.GetString(5), "yyyy-MM-dd", CultureInfo.InvariantCulture),
                BirthPlace = reader.GetString(6),
                Ins = NullableString(reader, 7),
                Status = status,
                MedecinTraitant = NullableString(reader, 9),
                Traitements = NullableString(reader, 10),
                Directives = NullableString(reader, 11),
                Allergies = NullableString(reader, 12),
                PreferredFacility = NullableString(reader, 13),
                CanCommunicate = reader.GetBoolean(14),
                Oriented = reader.GetBoolean(15),
                Falls = reader.GetBoolean(16),
                BmrCarrier = reader.GetBoolean(17),
                CreatedAt = ParseTime(reader.GetString(18)),
                InsOid = NullableString(reader, 19),
                DocumentChecked = reader.GetBoolean(20),
                IdentityAlert = NullableString(reader, 21),
            });
        }

        return usagers;
    }

    private async Task<IReadOnlyList<StoredDocument>> QueryDocumentsAsync(string clause, long id, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT id, usager_id, document_oid, set_id, version, code, code_display, title, effective_time, service_start_time, cda, created_at
            FROM documents
            """ + " " + clause + ";";
        command.Parameters.AddWithValue("$id", id);
        var documents = new List<StoredDocument>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            documents.Add(new StoredDocument
            {
                Id = reader.GetInt64(0),
                UsagerId = reader.GetInt64(1),
                DocumentOid = reader.GetString(2),
                SetIdOid = reader.GetString(3),
                Version = reader.GetInt32(4),
                Code = reader.GetString(5),
                CodeDisplayName = reader.GetString(6),
                Title = reader.GetString(7),
                EffectiveTime = ParseTime(reader.GetString(8)),
                ServiceStartTime = ParseTime(reader.GetString(9)),
                CdaBytes = (byte[])reader.GetValue(10),
                CreatedAt = ParseTime(reader.GetString(11)),
            });
        }

        return documents;
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

    private static string? NullableString(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static string FormatTime(DateTimeOffset value) => value.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>Deletes every usager, document, publication and send (test hooks <c>POST reset</c>: isolated data per scenario).</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM sends; DELETE FROM publications; DELETE FROM documents; DELETE FROM usagers;";
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
