namespace CimCloud.Cimom.Mof.Parsing;

/// <summary>The files being included, innermost first (immutable, shared between parallel file parses).</summary>
internal sealed class MofIncludeChain
{
    public MofIncludeChain(string file, string fullPath, MofIncludeChain? parent)
    {
        File = file;
        FullPath = fullPath;
        Parent = parent;
        Depth = parent is null ? 1 : parent.Depth + 1;
    }

    /// <summary>The path as composed (used in messages).</summary>
    public string File { get; }

    /// <summary>The normalized path (used to detect cycles).</summary>
    public string FullPath { get; }

    public MofIncludeChain? Parent { get; }

    public int Depth { get; }

    /// <summary>The link for <paramref name="fullPath"/> if it is already being parsed, else null.</summary>
    public MofIncludeChain? Find(string fullPath, StringComparer comparer)
    {
        for (var link = this; link is not null; link = link.Parent)
        {
            if (comparer.Equals(link.FullPath, fullPath))
                return link;
        }

        return null;
    }

    /// <summary>File names from <paramref name="from"/> (outermost) down to this link.</summary>
    public List<string> FilesFrom(MofIncludeChain from)
    {
        List<string> files = [];
        for (var link = this; link is not null; link = link.Parent)
        {
            files.Add(link.File);
            if (ReferenceEquals(link, from))
                break;
        }

        files.Reverse();
        return files;
    }
}
