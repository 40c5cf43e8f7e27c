using System.Net.Sockets;
using System.Text;

namespace HousingSelfService.ScaleOutTests.Infrastructure;

/// <summary>Just enough of Redis's protocol (RESP) for the tests to ask the real server a question.</summary>
public static class RedisClient
{
    /// <summary>Sends one inline command and returns the first line of the reply, e.g. <c>+PONG</c> or <c>:3</c>.</summary>
    public static async Task<string> CommandAsync(string configuration, string command)
    {
        var (host, port) = (configuration.Split(':')[0], int.Parse(configuration.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture));
        using var client = new TcpClient();
        await client.ConnectAsync(host, port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
        using var reader = new StreamReader(stream, Encoding.ASCII);
        return await reader.ReadLineAsync() ?? "";
    }

    public static async Task WaitUntilReadyAsync(string configuration, ServerProcess redis)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                if (await CommandAsync(configuration, "PING") == "+PONG")
                {
                    return;
                }
            }
            catch (SocketException)
            {
                // Not listening yet.
            }

            if (redis.HasExited)
            {
                break;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"Redis did not start. Log ({redis.LogPath}):\n{redis.Tail()}");
    }
}
