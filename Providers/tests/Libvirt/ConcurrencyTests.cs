using CimCloud.Providers.Hosts;
using FluentAssertions;
using Xunit;
using static CimCloud.Providers.Tests.Libvirt.TestDriver;

namespace CimCloud.Providers.Tests.Libvirt;

[Collection(LibvirtCollection.Name)]
public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Parallel_callers_on_one_host_all_succeed_and_errors_stay_with_their_caller()
    {
        await using var host = Open();
        const int Workers = 8;
        const int Rounds = 10;

        var workers = Enumerable.Range(0, Workers).Select(worker => Task.Run(async () =>
        {
            var machine = await host.DefineMachineAsync(
                Machine($"worker{worker}") with { Nics = [new NicDefinition($"52:54:00:00:01:{worker:x2}", DefaultNetwork)] },
                Token);
            for (var round = 0; round < Rounds; round++)
            {
                await host.ChangeStateAsync(machine.Uuid, MachineStateChange.Start, Token);
                (await host.GetStatisticsAsync(machine.Uuid, Token)).Nics.Should().ContainSingle();
                (await host.ListMachinesAsync(Token)).Should().Contain(m => m.Uuid == machine.Uuid);
                var invalid = async () => await host.ChangeStateAsync(machine.Uuid, MachineStateChange.Resume, Token);
                (await invalid.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.InvalidState);
                var unknown = async () => await host.UndefineMachineAsync(Guid.NewGuid().ToString(), Token);
                (await unknown.Should().ThrowAsync<HostException>()).Which.Kind.Should().Be(HostErrorKind.NotFound);
                await host.ChangeStateAsync(machine.Uuid, MachineStateChange.Destroy, Token);
            }

            return machine.Uuid;
        })).ToList();

        var uuids = await Task.WhenAll(workers);

        uuids.Should().OnlyHaveUniqueItems();
        var machines = await host.ListMachinesAsync(Token);
        machines.Should().HaveCount(Workers + 1);
        machines.Where(m => m.Name.StartsWith("worker", StringComparison.Ordinal)).Should().OnlyContain(m => m.State == MachineRunState.ShutOff);
    }
}
