namespace DuiConformance.SecondSut;

/// <summary>The second SUT's data, in memory (no database): residents and their letters, numbered from 1; a reset empties it.</summary>
public sealed class Ledger
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, Resident> _residents = [];
    private readonly Dictionary<int, Letter> _letters = [];
    private int _next = 1;

    public int NextNumber()
    {
        lock (_lock)
        {
            return _next++;
        }
    }

    public void Save(Resident resident)
    {
        lock (_lock)
        {
            _residents[resident.Number] = resident;
        }
    }

    public void Save(Letter letter)
    {
        lock (_lock)
        {
            _letters[letter.Number] = letter;
        }
    }

    public Resident? Resident(int number)
    {
        lock (_lock)
        {
            return _residents.GetValueOrDefault(number);
        }
    }

    public Letter? Letter(int number)
    {
        lock (_lock)
        {
            return _letters.GetValueOrDefault(number);
        }
    }

    public IReadOnlyList<Resident> Residents()
    {
        lock (_lock)
        {
            return [.. _residents.Values.OrderBy(resident => resident.Number)];
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _residents.Clear();
            _letters.Clear();
            _next = 1;
        }
    }
}
