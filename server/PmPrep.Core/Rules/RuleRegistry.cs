namespace PmPrep.Core.Rules;

/// <summary>Every rule the engine runs on one story, in catalog order.</summary>
public static class RuleRegistry
{
    public static IReadOnlyList<Rule> StoryRules { get; } = new Rule[]
    {
        new WeLanguage(),
        new TeamAsActor(),
        new WeakOwnershipVerb(),
        new PassiveOwnership(),
        new MetricWithoutContext(),
        new VagueOutcome(),
        new MissingBecause(),
        new LpNameDrop(),
        new Hedging(),
        new FillerWords(),
        new LpHeading(),
        new StoryTooLong(),
        new StoryTooShort(),
        new ContextTooLong(),
        new MissingSection(),
        new MissingReflection(),
        new MissingStakeholderTension(),
        new MissingData(),
        new NoOwnDecision(),
        new LpClaimUnsupported(),
        new LpCount(),
        new UnknownLp(),
        new FrontMatterInvalid(),
    };
}
