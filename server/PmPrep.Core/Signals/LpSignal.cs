using PmPrep.Core.Catalog;
using PmPrep.Core.Text;

namespace PmPrep.Core.Signals;

/// <summary>
/// Evidence for a principle at a place in the story. Signals are not warnings: they feed hovers,
/// the outline, the code lens and coverage. A null <see cref="Principle"/> marks a strong
/// first-person ownership phrase ("I decided") that is not tied to one principle.
/// </summary>
public sealed record LpSignal(Principle? Principle, string Reason, string Pattern, bool Strong, int Start, int End, TextRange Range, string Text)
{
    public string Label => Principle?.Name ?? "Ownership voice";
}
