namespace CimCloud.Cimom.Repository.Journal;

/// <summary>
/// Where the repository records the changes clients make (see <see cref="CimRepository.AttachJournal"/>). The repository
/// calls <see cref="Write"/> under the lock that serializes the change, after every check passed and before the change is
/// applied in memory, so the journal sees changes in the order they are applied and a change is durable before the
/// operation that made it returns. When <see cref="Write"/> throws, the change is not applied and the operation fails
/// with that exception.
/// </summary>
public interface IRepositoryJournal
{
    /// <summary>Records <paramref name="changes"/> as one atomic unit: afterwards all of them are durable, or (on an exception) none.</summary>
    void Write(IReadOnlyList<RepositoryChange> changes);
}
