namespace PmPrep.Server.Cli;

public static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, string cwd)
    {
        stderr.WriteLine("pmprep: the command line is being built");
        return 2;
    }
}
