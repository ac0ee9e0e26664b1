namespace HelpDesk.Domain.Customers;

/// <summary>What one provider answered: its profile (null when it does not know the customer), its records, or its failure.</summary>
public sealed record ProviderAnswer(ContextSource Source, CustomerSnapshot? Profile = null, IReadOnlyList<CustomerRecord>? Records = null);

/// <summary>
/// Merges what the context providers answered into one snapshot. Answers come in order of precedence: for each fact
/// the first provider that knows it wins and is named in <see cref="CustomerSnapshot.Provenance"/>. A provider that
/// failed keeps what it said last time (from <c>previous</c>) and makes the snapshot stale, with the reason.
/// </summary>
public static class CustomerContextMerge
{
    public static CustomerSnapshot Merge(string email, DateTimeOffset now, IReadOnlyList<ProviderAnswer> answers, CustomerSnapshot? previous)
    {
        var profiles = new List<(string Source, CustomerSnapshot Profile)>();
        var records = new List<CustomerRecord>();
        var failures = new List<string>();
        foreach (var answer in answers)
        {
            var name = answer.Source.Name;
            if (answer.Source.Error is { } error)
            {
                failures.Add($"{name}: {error}");
                if (previous is not null)
                {
                    profiles.Add((name, previous));
                    records.AddRange(previous.Records.Where(r => r.Source == name));
                }

                continue;
            }

            if (answer.Profile is { } profile)
            {
                profiles.Add((name, profile));
            }

            records.AddRange(answer.Records ?? []);
        }

        var merged = new Facts();
        foreach (var (source, profile) in profiles)
        {
            // A failed provider's old facts count only where it was their source.
            var own = ReferenceEquals(profile, previous) ? previous!.Provenance : null;
            merged.Take(source, profile, own);
        }

        return new CustomerSnapshot(email, now)
        {
            Found = profiles.Exists(p => p.Profile.Found) || records.Count > 0,
            Name = merged.Name,
            Company = merged.Company,
            Tier = merged.Tier,
            Vip = merged.Vip,
            Segment = merged.Segment,
            Region = merged.Region,
            Owner = merged.Owner,
            Language = merged.Language,
            TimeZone = merged.TimeZone,
            LifetimeValue = merged.LifetimeValue,
            Attributes = merged.Attributes,
            Provenance = merged.Provenance,
            Links = merged.Links,
            Records = [.. records.OrderByDescending(r => r.Date ?? DateTimeOffset.MinValue).ThenBy(r => r.Source, StringComparer.Ordinal)],
            Sources = [.. answers.Select(a => a.Source)],
            StaleReason = failures.Count > 0 ? string.Join("; ", failures) : null,
        };
    }

    private sealed class Facts
    {
        public string? Name, Company, Tier, Segment, Region, Owner, Language, TimeZone;
        public bool Vip;
        public Money? LifetimeValue;
        public SortedDictionary<string, string> Attributes { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, string> Provenance { get; } = new(StringComparer.Ordinal);
        public List<Tickets.ExternalLink> Links { get; } = [];

        /// <param name="onlyWhereSourced">When set, only facts whose provenance there is <paramref name="source"/>.</param>
        public void Take(string source, CustomerSnapshot profile, IReadOnlyDictionary<string, string>? onlyWhereSourced)
        {
            bool Mine(string fact) => onlyWhereSourced is null || onlyWhereSourced.GetValueOrDefault(fact) == source;

            Name = Pick(Name, profile.Name, "name");
            Company = Pick(Company, profile.Company, "company");
            Tier = Pick(Tier, profile.Tier, "tier");
            Segment = Pick(Segment, profile.Segment, "segment");
            Region = Pick(Region, profile.Region, "region");
            Owner = Pick(Owner, profile.Owner, "owner");
            Language = Pick(Language, profile.Language, "language");
            TimeZone = Pick(TimeZone, profile.TimeZone, "timeZone");
            if (LifetimeValue is null && profile.LifetimeValue is not null && Mine("lifetimeValue"))
            {
                (LifetimeValue, Provenance["lifetimeValue"]) = (profile.LifetimeValue, source);
            }

            if (!Vip && profile.Vip && Mine("vip"))
            {
                (Vip, Provenance["vip"]) = (true, source);
            }

            foreach (var (key, value) in profile.Attributes)
            {
                if (!Attributes.ContainsKey(key) && Mine($"attributes.{key}"))
                {
                    (Attributes[key], Provenance[$"attributes.{key}"]) = (value, source);
                }
            }

            // Providers link their own records (system = their name), which is how a failed one's old links are told apart.
            Links.AddRange(profile.Links.Where(l => onlyWhereSourced is null || l.System == source));

            string? Pick(string? current, string? offered, string fact)
            {
                if (current is not null || string.IsNullOrWhiteSpace(offered) || !Mine(fact))
                {
                    return current;
                }

                Provenance[fact] = source;
                return offered;
            }
        }
    }
}
