using System.Runtime.ExceptionServices;
using CimCloud.Cimom.Model;

namespace CimCloud.Cimom.Mof.Parsing;

/// <summary>
/// One <c>#pragma include</c>: resolves, reads and parses the included file into its own
/// <see cref="MofFileUnit"/>. Runs at most once, on a worker thread or inline on the thread that needs it.
/// </summary>
internal sealed class MofIncludeJob
{
    private const int Pending = 0;
    private const int Running = 1;
    private const int Done = 2;

    private readonly MofParseSession _session;
    private readonly string _argument;
    private readonly SourceLocation _location;
    private readonly MofIncludeChain _including;
    private readonly object _gate = new();
    private int _state;
    private MofFileUnit? _result;
    private ExceptionDispatchInfo? _failure;

    public MofIncludeJob(MofParseSession session, string argument, SourceLocation location, MofIncludeChain including)
    {
        _session = session;
        _argument = argument;
        _location = location;
        _including = including;
    }

    public bool IsDone => Volatile.Read(ref _state) == Done;

    /// <summary>Runs the job here unless another thread has claimed it.</summary>
    public bool TryRun()
    {
        if (Interlocked.CompareExchange(ref _state, Running, Pending) != Pending)
            return false;
        try
        {
            _result = _session.RunInclude(_argument, _location, _including);
        }
        catch (Exception e)
        {
            // A parser bug: rethrown on the thread that collects the result.
            _failure = ExceptionDispatchInfo.Capture(e);
        }

        lock (_gate)
        {
            Volatile.Write(ref _state, Done);
            Monitor.PulseAll(_gate);
        }

        return true;
    }

    /// <summary>
    /// The parsed unit; runs the job inline if nobody has started it, else helps with other pending jobs
    /// and then waits for it.
    /// </summary>
    public MofFileUnit GetResult()
    {
        if (!IsDone && !TryRun())
        {
            while (!IsDone && _session.TryRunPending())
            {
            }

            lock (_gate)
            {
                while (!IsDone)
                    Monitor.Wait(_gate);
            }
        }

        _failure?.Throw();
        return _result!;
    }
}
