using CimCloud.Cimom.Model;
using CimCloud.Cimom.Mof.Diagnostics;
using CimCloud.Cimom.Mof.Parsing;
using CimCloud.Cimom.Mof.Syntax;
using CimCloud.Cimom.Repository;
using CimCloud.Cimom.Schema;

namespace CimCloud.Cimom.Mof.Binding;

/// <summary>
/// One compilation: binds the productions of all given files in order (namespace pragmas switch the
/// target), checks everything against private schema builders, and commits to the repository only
/// when there is no error, so a failed compile leaves nothing half-done behind.
/// </summary>
internal sealed class CompilationUnit
{
    private readonly CimRepository _repository;
    private readonly MofCompilerOptions _options;
    private readonly ClassResolverOptions _resolverOptions;
    private readonly MofDiagnosticBag _diagnostics = new();
    private readonly Dictionary<string, NamespaceWork> _work = new(StringComparer.OrdinalIgnoreCase);
    private readonly ValueBinder _values;
    private readonly QualifierBinder _qualifiers;
    private readonly ClassBinder _classes;
    private readonly InstanceBinder _instances;
    private NamespaceWork? _current;
    private int _classCount;
    private int _associationCount;
    private int _indicationCount;
    private int _qualifierCount;

    public CompilationUnit(CimRepository repository, MofCompilerOptions options, MofParseOptions parseOptions)
    {
        _repository = repository;
        _options = options;
        _resolverOptions = new ClassResolverOptions { Lenient = options.Lenient };
        _values = new ValueBinder(_diagnostics);
        _qualifiers = new QualifierBinder(_diagnostics, _values, options.Lenient);
        _classes = new ClassBinder(_diagnostics, _qualifiers, _values);
        _instances = new InstanceBinder(_diagnostics, parseOptions);
    }

    public MofDiagnosticBag Diagnostics => _diagnostics;

    public void AddParsed(MofParseResult parsed)
    {
        _diagnostics.AddRange(parsed.Diagnostics);
        foreach (var production in parsed.Productions)
        {
            switch (production)
            {
                case MofPragma pragma:
                    Pragma(pragma);
                    break;
                case MofQualifierDeclaration q:
                    QualifierDeclaration(q);
                    break;
                case MofClassDeclaration c:
                    Class(c);
                    break;
                case MofInstanceDeclaration i:
                    _instances.Add(i, Current);
                    break;
            }
        }
    }

    /// <summary>Binds the instances, then commits everything if nothing failed.</summary>
    public MofCompileResult Complete()
    {
        _instances.BindAll();
        if (!_diagnostics.HasErrors)
            Commit();
        var counts = new MofCompileCounts(_classCount, _associationCount, _indicationCount, _qualifierCount, _instances.Count);
        return new MofCompileResult(_diagnostics.Items, counts);
    }

    private NamespaceWork Current => _current ??= WorkFor(_options.DefaultNamespace);

    private NamespaceWork WorkFor(string name)
    {
        var normalized = CimObjectPath.NormalizeNamespace(name);
        if (!_work.TryGetValue(normalized, out var work))
        {
            var basis = _repository.FindNamespace(normalized)?.Schema ?? CimSchema.Standard;
            work = new NamespaceWork(normalized, basis, _resolverOptions);
            _work[normalized] = work;
        }

        return work;
    }

    private void Pragma(MofPragma pragma)
    {
        switch (pragma.Name.ToLowerInvariant())
        {
            case "namespace":
                if (CimNamespaceNames.IsValid(pragma.Value, out var why))
                    _current = WorkFor(pragma.Value);
                else
                    _diagnostics.Error(pragma.Location, $"#pragma namespace(\"{pragma.Value}\"): {why}");
                break;
            case "locale":
            case "instancelocale":
                break;
            case "nonlocal":
            case "nonlocaltype":
            case "source":
            case "sourcetype":
                _diagnostics.Warning(pragma.Location, $"#pragma {pragma.Name} is obsolete and ignored");
                break;
            default:
                _diagnostics.Warning(pragma.Location, $"unknown #pragma {pragma.Name} ignored");
                break;
        }
    }

    private void QualifierDeclaration(MofQualifierDeclaration q)
    {
        var declaration = _qualifiers.BindDeclaration(q);
        if (declaration is null)
            return;
        _classes.Report(Current.Builder.AddQualifier(declaration, q.Location), q.Location);
        _qualifierCount++;
    }

    private void Class(MofClassDeclaration c)
    {
        var resolved = _classes.Bind(c, Current.Builder);
        if (resolved is null)
            return;
        _classCount++;
        if (resolved.IsAssociation)
            _associationCount++;
        if (resolved.IsIndication)
            _indicationCount++;
    }

    private void Commit()
    {
        foreach (var work in _work.Values)
        {
            try
            {
                var ns = _repository.GetOrCreateNamespace(work.Name);
                ns.Commit(work.Basis, work.Builder.Build(), work.Instances);
            }
            catch (CimException e)
            {
                var where = work.InstanceLocations.Values.FirstOrDefault();
                _diagnostics.Error(where == default ? new SourceLocation("<commit>", 0, 0) : where,
                    $"could not store into namespace {work.Name}: {e.Message}");
            }
        }
    }
}
