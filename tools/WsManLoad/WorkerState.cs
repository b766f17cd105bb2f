namespace CimCloud.Tools.WsManLoad;

/// <summary>One client worker's reusable buffers: it renders each request into <see cref="Request"/> and reads each answer into <see cref="Response"/>.</summary>
internal sealed class WorkerState(int index)
{
    public int Index { get; } = index;

    public byte[] Request = new byte[4096];

    public ResponseBuffer Response { get; } = new();
}
