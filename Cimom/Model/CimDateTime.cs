using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace CimCloud.Cimom.Model;

/// <summary>
/// A DSP0004 datetime value: a timestamp (<c>yyyymmddhhmmss.mmmmmmsutc</c>, <c>s</c> is <c>+</c> or
/// <c>-</c> and <c>utc</c> the offset from UTC in minutes) or an interval (<c>ddddddddhhmmss.mmmmmm:000</c>).
/// The 25-character text is kept as given.
/// </summary>
/// <remarks>
/// <para>
/// Wildcards: the least significant fields may be replaced by asterisks (<c>20240101******.******+000</c>).
/// A wildcarded field is all asterisks, except the microseconds, where only trailing digits may be
/// replaced (<c>12****</c>); once a field is wildcarded every less significant field is too. The UTC offset
/// of a timestamp is always digits. Component properties are <see langword="null"/> when their field is
/// wildcarded (and when the field does not exist for the kind of value, e.g. <see cref="Days"/> of a timestamp).
/// </para>
/// <para>
/// Equality is ordinal on <see cref="Text"/>. Ordering (<see cref="CompareTo"/>) is by meaning: timestamps
/// compare as instants in UTC, intervals by duration. A value with wildcards stands for the range of values
/// it matches (<c>2024010112****.******+000</c> is every microsecond of that hour) and compares equal to any
/// value whose range overlaps it; it is less or greater only when the whole range is. For values with the
/// same UTC offset that is exactly "compare the fields significant in both". Because such equality is not
/// transitive, do not sort collections that mix wildcard and exact values and expect a total order.
/// </para>
/// </remarks>
public sealed class CimDateTime : IEquatable<CimDateTime>, IComparable<CimDateTime>
{
    /// <summary>The largest interval <see cref="ToTimeSpan"/> can return, in whole days.</summary>
    public const int MaxTimeSpanDays = 10_675_199;

    private const long MicrosPerSecond = 1_000_000;
    private const long MicrosPerMinute = 60 * MicrosPerSecond;
    private const long MicrosPerHour = 60 * MicrosPerMinute;
    private const long MicrosPerDay = 24 * MicrosPerHour;

    private static readonly long[] PowersOfTen = [1, 10, 100, 1_000, 10_000, 100_000, 1_000_000];

    // Start (inclusive) and end (exclusive) of the microseconds this value stands for: UTC microseconds
    // since 0000-01-01T00:00 for timestamps, the duration for intervals. End = Start + 1 without wildcards.
    private readonly long _rangeStart;
    private readonly long _rangeEnd;

    private CimDateTime(string text, bool isInterval, in Fields f)
    {
        Text = text;
        IsInterval = isInterval;
        Year = f.Year;
        Month = f.Month;
        Day = f.Day;
        Days = f.Days;
        Hours = f.Hours;
        Minutes = f.Minutes;
        Seconds = f.Seconds;
        MicrosecondDigits = f.MicroDigits;
        Microseconds = f.MicroDigits == 6 ? f.MicroPrefix : null;
        UtcOffsetMinutes = f.UtcOffset;
        HasWildcards = text.Contains('*', StringComparison.Ordinal);
        (_rangeStart, _rangeEnd) = ComputeRange(isInterval, f);
    }

    /// <summary>The 25-character text as parsed.</summary>
    public string Text { get; }

    public bool IsInterval { get; }

    public bool IsTimestamp => !IsInterval;

    /// <summary>True when some fields are asterisks (the value matches a range of times or durations).</summary>
    public bool HasWildcards { get; }

    /// <summary>Timestamp year (0-9999); null for intervals or when wildcarded.</summary>
    public int? Year { get; }

    /// <summary>Timestamp month (1-12); null for intervals or when wildcarded.</summary>
    public int? Month { get; }

    /// <summary>Timestamp day of month (1-31); null for intervals or when wildcarded.</summary>
    public int? Day { get; }

    /// <summary>Interval days (0-99,999,999); null for timestamps or when wildcarded.</summary>
    public int? Days { get; }

    /// <summary>Hours (0-23); null when wildcarded.</summary>
    public int? Hours { get; }

    /// <summary>Minutes (0-59); null when wildcarded.</summary>
    public int? Minutes { get; }

    /// <summary>Seconds (0-59); null when wildcarded.</summary>
    public int? Seconds { get; }

    /// <summary>Microseconds (0-999,999); null when any of its six digits is wildcarded.</summary>
    public int? Microseconds { get; }

    /// <summary>How many leading microsecond digits are significant (6 without wildcards, 0 for <c>******</c>).</summary>
    public int MicrosecondDigits { get; }

    /// <summary>Timestamp offset from UTC in minutes (negative west of UTC, -999..999); null for intervals.</summary>
    public int? UtcOffsetMinutes { get; }

    /// <summary>Parses a datetime; throws <see cref="FormatException"/> with the reason when the text is invalid.</summary>
    public static CimDateTime Parse(string text) =>
        TryParse(text, out var value, out var error) ? value : throw new FormatException(error);

    /// <summary>Parses a datetime; on failure <paramref name="error"/> says what is wrong and at which positions (1-based).</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [MaybeNullWhen(false)] out CimDateTime value, out string error)
    {
        value = null!;
        if (text is null)
        {
            error = "datetime value is null";
            return false;
        }

        if (text.Length != 25)
        {
            error = $"datetime value '{text}' must be exactly 25 characters (yyyymmddhhmmss.mmmmmmsutc or ddddddddhhmmss.mmmmmm:000), not {text.Length}";
            return false;
        }

        if (text[14] != '.')
        {
            error = $"datetime value '{text}' needs '.' at position 15, found '{text[14]}'";
            return false;
        }

        var interval = text[21] == ':';
        if (!interval && text[21] is not ('+' or '-'))
        {
            error = $"datetime value '{text}' needs '+' or '-' (timestamp) or ':' (interval) at position 22, found '{text[21]}'";
            return false;
        }

        var f = default(Fields);
        var wildcardSeen = false;
        string? wildcardField = null;
        if (interval)
        {
            if (!ParseField(text, 0, 8, "days", 0, 99_999_999, ref wildcardSeen, ref wildcardField, out f.Days, out error) ||
                !ParseTime(text, ref f, ref wildcardSeen, ref wildcardField, out error))
                return false;
            if (!text.EndsWith(":000", StringComparison.Ordinal))
            {
                error = $"datetime interval '{text}' must end in ':000' (positions 22-25), found '{text[21..]}'";
                return false;
            }
        }
        else
        {
            if (!ParseField(text, 0, 4, "year", 0, 9999, ref wildcardSeen, ref wildcardField, out f.Year, out error) ||
                !ParseField(text, 4, 2, "month", 1, 12, ref wildcardSeen, ref wildcardField, out f.Month, out error) ||
                !ParseField(text, 6, 2, "day", 1, 31, ref wildcardSeen, ref wildcardField, out f.Day, out error))
                return false;
            if (f.Day is { } d && d > DaysInMonth(f.Year!.Value, f.Month!.Value))
            {
                error = $"datetime value '{text}' has day {d:00} at positions 7-8, but {f.Year:0000}-{f.Month:00} has only {DaysInMonth(f.Year!.Value, f.Month!.Value)} days";
                return false;
            }

            if (!ParseTime(text, ref f, ref wildcardSeen, ref wildcardField, out error))
                return false;
            var utc = text.AsSpan(22, 3);
            if (!IsAllDigits(utc))
            {
                error = $"datetime value '{text}' needs a 3-digit UTC offset in minutes at positions 23-25, found '{utc}'";
                return false;
            }

            var minutes = int.Parse(utc, NumberStyles.None, CultureInfo.InvariantCulture);
            f.UtcOffset = text[21] == '-' ? -minutes : minutes;
        }

        value = new CimDateTime(text, interval, f);
        error = string.Empty;
        return true;
    }

    /// <summary>The timestamp for a <see cref="DateTimeOffset"/> (sub-microsecond ticks are truncated).</summary>
    public static CimDateTime FromDateTimeOffset(DateTimeOffset value)
    {
        var offset = (int)value.Offset.TotalMinutes;
        var micro = value.Ticks % TimeSpan.TicksPerSecond / 10;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{value.Year:0000}{value.Month:00}{value.Day:00}{value.Hour:00}{value.Minute:00}{value.Second:00}.{micro:000000}{(offset < 0 ? '-' : '+')}{Math.Abs(offset):000}");
        return Parse(text);
    }

    /// <summary>The interval for a non-negative <see cref="TimeSpan"/> (sub-microsecond ticks are truncated).</summary>
    public static CimDateTime FromTimeSpan(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
            throw new ArgumentOutOfRangeException(nameof(value), value, "a CIM datetime interval cannot be negative");
        var micro = value.Ticks % TimeSpan.TicksPerSecond / 10;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{value.Days:00000000}{value.Hours:00}{value.Minutes:00}{value.Seconds:00}.{micro:000000}:000");
        return Parse(text);
    }

    /// <summary>
    /// The instant of a timestamp without wildcards. Throws <see cref="InvalidOperationException"/> for
    /// intervals and wildcard values, <see cref="OverflowException"/> when the value lies outside what
    /// <see cref="DateTimeOffset"/> can hold (year 0000, offsets beyond ±14 hours).
    /// </summary>
    public DateTimeOffset ToDateTimeOffset()
    {
        if (IsInterval)
            throw new InvalidOperationException($"datetime '{Text}' is an interval, not a timestamp; use ToTimeSpan()");
        if (HasWildcards)
            throw new InvalidOperationException($"datetime '{Text}' has wildcards and is not a single instant");
        var offset = UtcOffsetMinutes!.Value;
        if (Math.Abs(offset) > 14 * 60)
            throw new OverflowException($"datetime '{Text}' has a UTC offset of {offset} minutes; DateTimeOffset allows at most ±840 (14 hours)");
        if (Year == 0)
            throw new OverflowException($"datetime '{Text}' is in year 0000, which DateTimeOffset cannot represent");
        try
        {
            return new DateTimeOffset(Year!.Value, Month!.Value, Day!.Value, Hours!.Value, Minutes!.Value, Seconds!.Value, TimeSpan.FromMinutes(offset))
                .AddTicks(Microseconds!.Value * 10L);
        }
        catch (ArgumentOutOfRangeException ex)
        {
            throw new OverflowException($"datetime '{Text}' is outside the range DateTimeOffset can represent in UTC", ex);
        }
    }

    /// <summary>
    /// The duration of an interval without wildcards. Throws <see cref="InvalidOperationException"/> for
    /// timestamps and wildcard values, <see cref="OverflowException"/> beyond <see cref="TimeSpan.MaxValue"/>
    /// (about 10,675,199 days; CIM intervals go up to 99,999,999 days).
    /// </summary>
    public TimeSpan ToTimeSpan()
    {
        if (!IsInterval)
            throw new InvalidOperationException($"datetime '{Text}' is a timestamp, not an interval; use ToDateTimeOffset()");
        if (HasWildcards)
            throw new InvalidOperationException($"datetime interval '{Text}' has wildcards and is not a single duration");
        var ticks = (Int128)_rangeStart * 10;
        if (ticks > TimeSpan.MaxValue.Ticks)
        {
            throw new OverflowException(
                $"datetime interval '{Text}' ({Days} days) exceeds the largest TimeSpan ({MaxTimeSpanDays} days)");
        }

        return TimeSpan.FromTicks((long)ticks);
    }

    /// <summary>
    /// Orders timestamps as UTC instants and intervals by duration; a wildcard value compares equal to any
    /// value in its range (see the class remarks). Throws <see cref="ArgumentException"/> when comparing a
    /// timestamp with an interval. Null sorts first.
    /// </summary>
    public int CompareTo(CimDateTime? other)
    {
        if (other is null)
            return 1;
        if (IsInterval != other.IsInterval)
        {
            throw new ArgumentException(
                $"cannot compare {(IsInterval ? "interval" : "timestamp")} '{Text}' with {(other.IsInterval ? "interval" : "timestamp")} '{other.Text}'",
                nameof(other));
        }

        if (_rangeEnd <= other._rangeStart)
            return -1;
        if (other._rangeEnd <= _rangeStart)
            return 1;
        return 0;
    }

    public bool Equals(CimDateTime? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as CimDateTime);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    public override string ToString() => Text;

    public static bool operator ==(CimDateTime? left, CimDateTime? right) => left is null ? right is null : left.Equals(right);

    public static bool operator !=(CimDateTime? left, CimDateTime? right) => !(left == right);

    public static bool operator <(CimDateTime? left, CimDateTime? right) => Compare(left, right) < 0;

    public static bool operator <=(CimDateTime? left, CimDateTime? right) => Compare(left, right) <= 0;

    public static bool operator >(CimDateTime? left, CimDateTime? right) => Compare(left, right) > 0;

    public static bool operator >=(CimDateTime? left, CimDateTime? right) => Compare(left, right) >= 0;

    private static int Compare(CimDateTime? left, CimDateTime? right) =>
        left is null ? (right is null ? 0 : -1) : left.CompareTo(right);

    private static bool ParseTime(string text, ref Fields f, ref bool wildcardSeen, ref string? wildcardField, out string error)
    {
        if (!ParseField(text, 8, 2, "hours", 0, 23, ref wildcardSeen, ref wildcardField, out f.Hours, out error) ||
            !ParseField(text, 10, 2, "minutes", 0, 59, ref wildcardSeen, ref wildcardField, out f.Minutes, out error) ||
            !ParseField(text, 12, 2, "seconds", 0, 59, ref wildcardSeen, ref wildcardField, out f.Seconds, out error))
            return false;

        // Microseconds: leading digits, then asterisks for the insignificant rest.
        var micro = text.AsSpan(15, 6);
        var digits = 0;
        while (digits < 6 && char.IsAsciiDigit(micro[digits]))
            digits++;
        for (var i = digits; i < 6; i++)
        {
            if (micro[i] != '*')
            {
                error = $"datetime value '{text}' has invalid microseconds '{micro}' at positions 16-21; expected 6 digits, of which trailing ones may be '*'";
                return false;
            }
        }

        if (digits > 0 && wildcardSeen)
        {
            error = $"datetime value '{text}' has digits in microseconds (positions 16-21) after wildcard {wildcardField}; once a field is '*' all less significant fields must be '*' too";
            return false;
        }

        f.MicroDigits = digits;
        f.MicroPrefix = digits == 0 ? 0 : int.Parse(micro[..digits], NumberStyles.None, CultureInfo.InvariantCulture);
        return true;
    }

    private static bool ParseField(string text, int start, int length, string name, int min, int max,
        ref bool wildcardSeen, ref string? wildcardField, out int? value, out string error)
    {
        value = null;
        var span = text.AsSpan(start, length);
        var where = $"positions {start + 1}-{start + length}";
        if (span.IndexOfAnyExcept('*') < 0)
        {
            wildcardSeen = true;
            wildcardField ??= $"{name} ({where})";
            error = string.Empty;
            return true;
        }

        if (!IsAllDigits(span))
        {
            error = $"datetime value '{text}' has invalid {name} '{span}' at {where}; expected {length} digits or {length} '*'";
            return false;
        }

        if (wildcardSeen)
        {
            error = $"datetime value '{text}' has digits in {name} ({where}) after wildcard {wildcardField}; once a field is '*' all less significant fields must be '*' too";
            return false;
        }

        var v = int.Parse(span, NumberStyles.None, CultureInfo.InvariantCulture);
        if (v < min || v > max)
        {
            var range = string.Create(CultureInfo.InvariantCulture, $"{min.ToString(new string('0', length), CultureInfo.InvariantCulture)}-{max.ToString(new string('0', length), CultureInfo.InvariantCulture)}");
            error = $"datetime value '{text}' has {name} {span} at {where}, outside {range}";
            return false;
        }

        value = v;
        error = string.Empty;
        return true;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> span)
    {
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }

        return true;
    }

    private static bool IsLeapYear(int year) => year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);

    private static int DaysInMonth(int year, int month) => month switch
    {
        2 => IsLeapYear(year) ? 29 : 28,
        4 or 6 or 9 or 11 => 30,
        _ => 31,
    };

    // Days since 0000-01-01 in the proleptic Gregorian calendar (valid for years 0-10000).
    private static long DayNumber(int year, int month, int day)
    {
        var y = (long)year - (month <= 2 ? 1 : 0);
        var era = (y >= 0 ? y : y - 399) / 400;
        var yoe = y - (era * 400);
        var mp = (month + 9) % 12;
        var doy = ((153 * mp) + 2) / 5 + day - 1;
        var doe = (yoe * 365) + (yoe / 4) - (yoe / 100) + doy;
        return (era * 146097) + doe + 60; // doe counts from 0000-03-01, which is day 60 of year 0 (a leap year)
    }

    private static (long Start, long End) ComputeRange(bool isInterval, in Fields f)
    {
        long start;
        long unit;
        if (isInterval)
        {
            if (f.Days is not { } days)
                return (0, 100_000_000L * MicrosPerDay);
            start = days * MicrosPerDay;
            unit = MicrosPerDay;
        }
        else
        {
            var offset = f.UtcOffset!.Value * MicrosPerMinute;
            if (f.Year is not { } year)
                return (DayNumber(0, 1, 1) * MicrosPerDay - offset, DayNumber(10000, 1, 1) * MicrosPerDay - offset);
            if (f.Month is not { } month)
                return (DayNumber(year, 1, 1) * MicrosPerDay - offset, DayNumber(year + 1, 1, 1) * MicrosPerDay - offset);
            if (f.Day is not { } day)
            {
                var next = month == 12 ? DayNumber(year + 1, 1, 1) : DayNumber(year, month + 1, 1);
                return (DayNumber(year, month, 1) * MicrosPerDay - offset, next * MicrosPerDay - offset);
            }

            start = (DayNumber(year, month, day) * MicrosPerDay) - offset;
            unit = MicrosPerDay;
        }

        if (f.Hours is not { } h)
            return (start, start + unit);
        start += h * MicrosPerHour;
        if (f.Minutes is not { } m)
            return (start, start + MicrosPerHour);
        start += m * MicrosPerMinute;
        if (f.Seconds is not { } s)
            return (start, start + MicrosPerMinute);
        start += s * MicrosPerSecond;
        unit = PowersOfTen[6 - f.MicroDigits];
        start += f.MicroPrefix * unit;
        return (start, start + unit);
    }

    private struct Fields
    {
        public int? Year;
        public int? Month;
        public int? Day;
        public int? Days;
        public int? Hours;
        public int? Minutes;
        public int? Seconds;
        public int MicroDigits;
        public int MicroPrefix;
        public int? UtcOffset;
    }
}
