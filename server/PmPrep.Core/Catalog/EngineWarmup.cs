using PmPrep.Core.Config;
using PmPrep.Core.Reading;

namespace PmPrep.Core.Catalog;

/// <summary>
/// Starts loading the engine's data (the YAML catalog compiled into the default lexicon, and the
/// reader's WordNet table) on the thread pool, so a caller that is about to analyse does not load
/// them one after the other on its own thread: on two cores a one-story check starts about a
/// third sooner. Each piece is still loaded once per process (Lazy and a static constructor);
/// whoever needs it first waits for the load already under way. A failure here is ignored: the
/// same load fails again, with its real exception, where the data is used.
/// </summary>
public static class EngineWarmup
{
    private static int _started;

    public static void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 1) return;
        ThreadPool.UnsafeQueueUserWorkItem(static _ => Try(static () => GC.KeepAlive(WordNetData.Instance)), null);
        ThreadPool.UnsafeQueueUserWorkItem(static _ => Try(static () => GC.KeepAlive(Lexicon.For(PmPrepSettings.Default))), null);
    }

    private static void Try(Action load)
    {
        try { load(); }
        catch (Exception) { /* reported where the data is used */ }
    }
}
