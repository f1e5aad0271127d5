namespace Palisade.Analyzers.Secrets.ConfigurationFiles
{
    /// <summary>One key/value found in a configuration file, with the span of the raw value in the file text.</summary>
    internal readonly struct ConfigurationEntry
    {
        public ConfigurationEntry(string path, string name, string value, int start, int length, bool isConnectionString)
        {
            Path = path;
            Name = name;
            Value = value;
            Start = start;
            Length = length;
            IsConnectionString = isConnectionString;
        }

        /// <summary>The key as the reader would write it: "ConnectionStrings:Main", "Db:Password", "DB_PASSWORD".</summary>
        public string Path { get; }

        /// <summary>The last segment of the key, the part whose words say whether it holds a secret.</summary>
        public string Name { get; }

        /// <summary>The decoded value (JSON escapes, XML entities and .env quotes removed).</summary>
        public string Value { get; }

        public int Start { get; }

        public int Length { get; }

        /// <summary>True where the file format says the value is a connection string (ConnectionStrings section, connectionString attribute).</summary>
        public bool IsConnectionString { get; }
    }
}
