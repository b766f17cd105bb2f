using System.Collections.Concurrent;
using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof.Diagnostics;
using CimCloud.Cimom.Mof.Syntax;

namespace CimCloud.Cimom.Mof.Parsing;

/// <summary>
/// One compilation unit: a top file and everything it includes. Each file is parsed into its own
/// <see cref="MofFileUnit"/>; included files are parsed in parallel (thread-pool helpers plus the calling
/// thread) and spliced in at their <c>#pragma include</c>, so the result is the same, in the same order,
/// as a sequential parse.
/// </summary>
internal sealed class MofParseSession
{
    private const int MaxIncludeDepth = 64;

    private static readonly StringComparer PathComparer =
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal;

    private readonly ConcurrentQueue<MofIncludeJob> _pending = new();
    private readonly Stack<MofStringPool> _pools = new();
    /// <summary>Thread-pool helpers for include jobs; 0 on a single-core machine (everything runs inline).</summary>
    private readonly int _maxHelpers = Math.Clamp(Environment.ProcessorCount - 1, 0, 7);
    private int _helpers;

    public MofParseSession(MofParseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options;
    }

    public MofParseOptions Options { get; }

    /// <summary>Parses the top file (reporting an unreadable file at line 1) and everything it includes.</summary>
    public MofParseResult ParseFile(string path)
    {
        var unit = new MofFileUnit();
        ParseFileInto(unit, path, new SourceLocation(path, 1, 1), null);
        return Collect(unit);
    }

    /// <summary>Parses in-memory text named <paramref name="file"/> and everything it includes.</summary>
    public MofParseResult ParseText(string text, string file)
    {
        var unit = new MofFileUnit();
        char[] chars = MofSourceReader.FromText(text, out int length);
        Parse(unit, chars, length, new MofIncludeChain(file, FullPath(file), null));
        return Collect(unit);
    }

    /// <summary>Called by the parser of <paramref name="including"/> for <c>#pragma include(argument)</c>.</summary>
    public void Include(MofFileUnit unit, string argument, SourceLocation location, MofIncludeChain including)
    {
        var job = new MofIncludeJob(this, argument, location, including);
        unit.AddInclude(job);
        if (_maxHelpers == 0)
            return;
        _pending.Enqueue(job);
        StartHelperIfIdle();
    }

    /// <summary>
    /// Include jobs are run by the thread that needs their result and by up to <see cref="_maxHelpers"/>
    /// thread-pool helpers, each running pending jobs until none is left.
    /// </summary>
    private void StartHelperIfIdle()
    {
        while (true)
        {
            int helpers = Volatile.Read(ref _helpers);
            if (helpers >= _maxHelpers)
                return;
            if (Interlocked.CompareExchange(ref _helpers, helpers + 1, helpers) == helpers)
                break;
        }

        ThreadPool.UnsafeQueueUserWorkItem(static session => session.RunHelper(), this, preferLocal: false);
    }

    private void RunHelper()
    {
        while (true)
        {
            while (TryRunPending())
            {
            }

            Interlocked.Decrement(ref _helpers);
            // A job queued between the last dequeue and the decrement must not be left without a helper.
            if (_pending.IsEmpty)
                return;
            int helpers = Volatile.Read(ref _helpers);
            if (helpers >= _maxHelpers || Interlocked.CompareExchange(ref _helpers, helpers + 1, helpers) != helpers)
                return;
        }
    }

    /// <summary>Runs the oldest include job nobody has started; false when there is none left.</summary>
    public bool TryRunPending()
    {
        while (_pending.TryDequeue(out var job))
        {
            if (job.TryRun())
                return true;
        }

        return false;
    }

    /// <summary>The body of an include job: resolve, check for cycles, read and parse.</summary>
    public MofFileUnit RunInclude(string argument, SourceLocation location, MofIncludeChain including)
    {
        var unit = new MofFileUnit();
        if (argument.Length == 0 || argument.Contains('\0', StringComparison.Ordinal))
        {
            unit.Diagnostics.Error(location, $"invalid include file name \"{argument}\"");
            return unit;
        }

        string? found = Resolve(argument, including.File, out var searched);
        if (found is null)
        {
            unit.Diagnostics.Error(location,
                $"include file '{argument}' not found (searched: {string.Join(", ", searched.Select(s => $"'{s}'"))})");
            return unit;
        }

        string full = FullPath(found);
        var cycleStart = including.Find(full, PathComparer);
        if (cycleStart is not null)
        {
            var chain = including.FilesFrom(cycleStart);
            chain.Add(found);
            unit.Diagnostics.Error(location, $"include cycle: {string.Join(" -> ", chain)}");
            return unit;
        }

        if (including.Depth >= MaxIncludeDepth)
        {
            unit.Diagnostics.Error(location, $"includes nested more than {MaxIncludeDepth} levels deep");
            return unit;
        }

        ParseFileInto(unit, found, location, including, full);
        return unit;
    }

    private void ParseFileInto(MofFileUnit unit, string path, SourceLocation reportAt, MofIncludeChain? including, string? fullPath = null)
    {
        char[] chars;
        int length;
        bool invalidUtf8;
        try
        {
            chars = MofSourceReader.ReadFile(path, out length, out invalidUtf8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            unit.Diagnostics.Error(reportAt, e is FileNotFoundException or DirectoryNotFoundException
                ? $"MOF file '{path}' not found"
                : $"cannot read MOF file '{path}': {e.Message}");
            return;
        }

        if (invalidUtf8)
            unit.Diagnostics.Warning(new SourceLocation(path, 1, 1), "file is not valid UTF-8; invalid bytes were replaced by U+FFFD");
        Parse(unit, chars, length, new MofIncludeChain(path, fullPath ?? FullPath(path), including));
    }

    /// <summary>Parses a pooled buffer into <paramref name="unit"/> and returns the buffer to the pool.</summary>
    private void Parse(MofFileUnit unit, char[] chars, int length, MofIncludeChain file)
    {
        var pool = RentPool();
        try
        {
            new MofSyntaxParser(this, unit, pool, chars, length, file).ParseAll();
        }
        finally
        {
            ReturnPool(pool);
            MofSourceReader.Release(chars);
        }
    }

    /// <summary>Splices the included units into one production list and one diagnostic list.</summary>
    private static MofParseResult Collect(MofFileUnit top)
    {
        List<MofProduction> productions = [];
        List<MofDiagnostic> diagnostics = [];
        Append(top, productions, diagnostics);
        return new MofParseResult(productions, diagnostics);
    }

    private static void Append(MofFileUnit unit, List<MofProduction> productions, List<MofDiagnostic> diagnostics)
    {
        int production = 0;
        int diagnostic = 0;
        var ownDiagnostics = unit.Diagnostics.Items;
        foreach (var mark in unit.Includes)
        {
            for (; production < mark.ProductionIndex; production++)
                productions.Add(unit.Productions[production]);
            for (; diagnostic < mark.DiagnosticIndex; diagnostic++)
                diagnostics.Add(ownDiagnostics[diagnostic]);
            Append(mark.Job.GetResult(), productions, diagnostics);
        }

        for (; production < unit.Productions.Count; production++)
            productions.Add(unit.Productions[production]);
        for (; diagnostic < ownDiagnostics.Count; diagnostic++)
            diagnostics.Add(ownDiagnostics[diagnostic]);
    }

    private MofStringPool RentPool()
    {
        lock (_pools)
            return _pools.Count > 0 ? _pools.Pop() : new MofStringPool();
    }

    private void ReturnPool(MofStringPool pool)
    {
        lock (_pools)
            _pools.Push(pool);
    }

    private string? Resolve(string argument, string includingFile, out List<string> searched)
    {
        searched = [];
        string? folder = Path.GetDirectoryName(includingFile);
        string candidate = string.IsNullOrEmpty(folder) ? argument : Path.Combine(folder, argument);
        searched.Add(candidate);
        if (File.Exists(candidate))
            return candidate;
        if (Path.IsPathRooted(argument))
            return null;
        foreach (string directory in Options.IncludeDirectories)
        {
            candidate = Path.Combine(directory, argument);
            searched.Add(candidate);
            if (File.Exists(candidate))
                return candidate;
        }

        return null;
    }

    private static string FullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return path;
        }
    }
}
