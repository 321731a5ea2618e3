using PmPrep.Core.Config;
using PmPrep.Core.Reading;

namespace PmPrep.Core.Catalog;

/// <summary>
/// Starts loading the engine's data (the YAML catalog compiled into the default lexicon, and the
/// reader's WordNet table) on two background threads, so a caller that is about to analyse does not
/// load them one after the other on its own thread: with two free cores the load costs its longest
/// piece instead of their sum (on the 2-vCPU build machine, about 1 ms of a 30 ms one-story check;
/// docs/benchmarks.md). Each piece is still loaded once per process (Lazy and a static constructor);
/// whoever needs it first waits for the load already under way. A failure here is ignored: the
/// same load fails again, with its real exception, where the data is used.
/// </summary>
public static class EngineWarmup
{
    private static int _started;

    public static void Start()
    {
        if (Interlocked.Exchange(ref _started, 1) == 1) return;
        // Threads of their own, not the thread pool: the caller's Parallel.For over its files blocks
        // pool threads on these same loads, and a load queued behind them on the pool waited about a
        // second for the pool to add a thread (a stall in one bank check out of three).
        Start("pmprep wordnet", static () => GC.KeepAlive(WordNetData.Instance));
        Start("pmprep lexicon", static () => GC.KeepAlive(Lexicon.For(PmPrepSettings.Default)));
    }

    private static void Start(string name, Action load)
    {
        new Thread(() => Try(load)) { IsBackground = true, Name = name }.Start();
    }

    private static void Try(Action load)
    {
        try { load(); }
        catch (Exception) { /* reported where the data is used */ }
    }
}
