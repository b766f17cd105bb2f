namespace CimCloud.Cimom.Operations;

/// <summary>Runs synchronous work behind a ValueTask API so that failures surface from the task, not the call.</summary>
internal static class Completed
{
    public static ValueTask Run(Action action)
    {
        try
        {
            action();
            return ValueTask.CompletedTask;
        }
        catch (Exception e)
        {
            return ValueTask.FromException(e);
        }
    }

    public static ValueTask<T> Run<T>(Func<T> function)
    {
        try
        {
            return ValueTask.FromResult(function());
        }
        catch (Exception e)
        {
            return ValueTask.FromException<T>(e);
        }
    }
}
