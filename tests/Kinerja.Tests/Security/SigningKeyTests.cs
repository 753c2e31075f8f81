using Kinerja.Modules.Accounts;
using Kinerja.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Kinerja.Tests.Security;

/// <summary>Hosts started at once on a new data directory make one signing key between them, and none reads it half written.</summary>
public sealed class SigningKeyTests
{
    [Fact]
    public void Given_hosts_starting_at_once_on_a_new_directory_Then_each_reads_the_same_whole_key()
    {
        var configuration = new ConfigurationBuilder().Build();
        for (var round = 0; round < 20; round++)
        {
            using var data = new TempDirectory();
            using var start = new Barrier(8);
            var keys = new byte[8][];
            // Threads of their own: eight blocked on the barrier would starve the thread pool other tests run on.
            var starts = Enumerable.Range(0, 8).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                keys[i] = SecuritySettings.From(configuration, data.Path).SigningKey.Key;
            })).ToList();
            starts.ForEach(t => t.Start());
            starts.ForEach(t => t.Join());

            Assert.All(keys, key => Assert.Equal(64, key.Length));
            Assert.All(keys, key => Assert.Equal(keys[0], key));
            Assert.Equal([SecuritySettings.KeyFileName], Directory.GetFiles(data.Path).Select(Path.GetFileName));
        }
    }
}
