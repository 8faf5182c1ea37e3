using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace QmInsights.Tests.Browser;

/// <summary>One Chrome DevTools Protocol WebSocket: numbered commands matched to their answers, and events that a
/// caller can wait for.</summary>
public sealed class DevToolsConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonElement>> _calls = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource<JsonElement>> _waiters = new();
    private readonly ConcurrentDictionary<string, Func<JsonElement, Task>> _handlers = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sending = new(1, 1);
    private Task _receiving = Task.CompletedTask;
    private int _nextId;

    public static async Task<DevToolsConnection> Open(Uri url)
    {
        var connection = new DevToolsConnection();
        connection._socket.Options.KeepAliveInterval = TimeSpan.Zero;
        await connection._socket.ConnectAsync(url, CancellationToken.None);
        connection._receiving = connection.Receive();
        return connection;
    }

    /// <summary>Sends a command and returns its result, or throws with the protocol's error.</summary>
    public async Task<JsonElement> Send(string method, object? parameters = null)
    {
        var id = Interlocked.Increment(ref _nextId);
        var answer = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        _calls[id] = answer;
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new { id, method, @params = parameters ?? new { } });
        await _sending.WaitAsync();
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        }
        finally
        {
            _sending.Release();
        }
        return await answer.Task.WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The next occurrence of an event (subscribe before causing it).</summary>
    public Task<JsonElement> Next(string eventName) =>
        _waiters.GetOrAdd(eventName, _ => new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>Handles every occurrence of an event (null removes the handler). Handlers run off the receive loop, so
    /// they may send commands.</summary>
    public void On(string eventName, Func<JsonElement, Task>? handler)
    {
        if (handler is null) _handlers.TryRemove(eventName, out _);
        else _handlers[eventName] = handler;
    }

    private async Task Receive()
    {
        var buffer = new byte[64 * 1024];
        var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var part = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (part.MessageType == WebSocketMessageType.Close) break;
                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage) continue;
                Dispatch(JsonDocument.Parse(Encoding.UTF8.GetString(message.GetBuffer(), 0, (int)message.Length)).RootElement);
                message.SetLength(0);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // The browser went away or we are closing: callers still waiting get the failure below.
        }
        foreach (var call in _calls.Values) call.TrySetException(new InvalidOperationException("DevTools connection closed"));
    }

    private void Dispatch(JsonElement message)
    {
        if (message.TryGetProperty("id", out var id) && _calls.TryRemove(id.GetInt32(), out var call))
        {
            if (message.TryGetProperty("error", out var error)) call.SetException(new InvalidOperationException(error.ToString()));
            else call.SetResult(message.GetProperty("result").Clone());
        }
        else if (message.TryGetProperty("method", out var method))
        {
            var parameters = message.TryGetProperty("params", out var p) ? p.Clone() : default;
            if (_waiters.TryRemove(method.GetString()!, out var waiter)) waiter.SetResult(parameters);
            if (_handlers.TryGetValue(method.GetString()!, out var handler)) _ = Task.Run(() => handler(parameters));
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _receiving;
        }
        finally
        {
            _socket.Dispose();
            _stop.Dispose();
            _sending.Dispose();
        }
    }
}
