namespace DuiConformance.Simulators.Tests.Support;

/// <summary>Every network await in the tests goes through these, so a hang fails in seconds (STYLE.md rule 21).</summary>
public static class TaskTimeouts
{
    public static readonly TimeSpan Network = TimeSpan.FromSeconds(10);

    public static async Task<T> WithTimeout<T>(this Task<T> task, string what)
    {
        try
        {
            return await task.WaitAsync(Network);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"Timed out after {Network.TotalSeconds} s: {what}", exception);
        }
    }

    public static async Task WithTimeout(this Task task, string what)
    {
        try
        {
            await task.WaitAsync(Network);
        }
        catch (TimeoutException exception)
        {
            throw new TimeoutException($"Timed out after {Network.TotalSeconds} s: {what}", exception);
        }
    }
}
