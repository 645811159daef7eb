using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Mutuality.Web.Tests.Infrastructure;

namespace Mutuality.Web.Tests.Notifications;

/// <summary>The app with the outbox worker off (the tests drain it), loopback targets allowed, and a public address.</summary>
public sealed class PushApp : AppFactory
{
    public PushApp()
    {
    }

    private PushApp(PushApp stopped)
        : base(stopped)
    {
    }

    protected override IDictionary<string, string?> ExtraSettings => new Dictionary<string, string?>
    {
        ["Mail:PublicBaseUrl"] = "https://mutuality.test",
        ["Notifications:AllowPrivateNetworks"] = "true",
        ["Notifications:WorkerEnabled"] = "false",
    };

    public PushApp Restart()
    {
        KeepData = true;
        Dispose();
        var next = new PushApp(this);
        _ = next.Services;
        return next;
    }
}

/// <summary>
/// A push service on loopback: records every request (headers and body) and answers with the next queued status
/// (201 when none is queued; 429 comes with Retry-After: 120).
/// </summary>
public sealed class FakePushService : IAsyncDisposable
{
    public sealed record Received(string Path, IReadOnlyDictionary<string, string> Headers, byte[] Body);

    private readonly ConcurrentQueue<int> _statuses = new();
    private readonly ConcurrentQueue<Received> _received = new();
    private WebApplication? _app;

    public string BaseUrl { get; private set; } = "";

    public IReadOnlyList<Received> Requests => [.. _received];

    public void AnswerNext(params int[] statuses)
    {
        foreach (var s in statuses)
        {
            _statuses.Enqueue(s);
        }
    }

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        _app = builder.Build();
        _app.MapPost("/{**path}", async (HttpContext http) =>
        {
            using var body = new MemoryStream();
            await http.Request.Body.CopyToAsync(body);
            _received.Enqueue(new Received(
                http.Request.Path,
                http.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase),
                body.ToArray()));
            var status = _statuses.TryDequeue(out var next) ? next : 201;
            if (status == 429)
            {
                http.Response.Headers.RetryAfter = "120";
            }

            http.Response.StatusCode = status;
        });
        await _app.StartAsync();
        BaseUrl = _app.Urls.First().TrimEnd('/');
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}

/// <summary>What a browser holds for a push subscription, and the receiving side of RFC 8291 (aes128gcm).</summary>
public sealed class PushReceiver : IDisposable
{
    public ECDiffieHellman Key { get; }

    public byte[] Auth { get; }

    public PushReceiver(ECDiffieHellman? key = null, byte[]? auth = null)
    {
        Key = key ?? ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
        Auth = auth ?? RandomNumberGenerator.GetBytes(16);
    }

    public byte[] PublicKey
    {
        get
        {
            var p = Key.ExportParameters(false);
            return [0x04, .. p.Q.X!, .. p.Q.Y!];
        }
    }

    public string P256dh => B64(PublicKey);

    public string AuthText => B64(Auth);

    /// <summary>Decrypts a single-record aes128gcm body (RFC 8188 header, RFC 8291 key derivation) and removes the padding.</summary>
    public string Decrypt(byte[] body)
    {
        var salt = body[..16];
        var recordSize = BinaryPrimitives.ReadUInt32BigEndian(body.AsSpan(16, 4));
        Assert.True(recordSize >= 18);
        int idLength = body[20];
        var senderPublic = body[21..(21 + idLength)];
        var ciphertext = body[(21 + idLength)..];
        Assert.True(ciphertext.Length <= recordSize, "one record");

        using var sender = ECDiffieHellman.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = senderPublic[1..33], Y = senderPublic[33..65] },
        });
        var shared = Key.DeriveRawSecretAgreement(sender.PublicKey);
        byte[] keyInfo = [.. "WebPush: info\0"u8, .. PublicKey, .. senderPublic];
        var ikm = HKDF.DeriveKey(HashAlgorithmName.SHA256, shared, 32, Auth, keyInfo);
        var cek = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 16, salt, "Content-Encoding: aes128gcm\0"u8.ToArray());
        var nonce = HKDF.DeriveKey(HashAlgorithmName.SHA256, ikm, 12, salt, "Content-Encoding: nonce\0"u8.ToArray());
        using var gcm = new AesGcm(cek, 16);
        var plain = new byte[ciphertext.Length - 16];
        gcm.Decrypt(nonce, ciphertext[..^16], ciphertext[^16..], plain);
        var end = plain.Length - 1;
        while (end >= 0 && plain[end] == 0)
        {
            end--;
        }

        Assert.Equal(2, plain[end]); // the last record's delimiter
        return Encoding.UTF8.GetString(plain, 0, end);
    }

    public void Dispose() => Key.Dispose();

    public static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static byte[] FromB64(string text)
    {
        var s = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(s.PadRight(s.Length + ((4 - (s.Length % 4)) % 4), '='));
    }
}
