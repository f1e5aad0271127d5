using System;

namespace Palisade.Cli.Scanning
{
    /// <summary>The input cannot be loaded (exit code 2); the message says why, in words for the user.</summary>
    internal sealed class LoadException : Exception
    {
        public LoadException(string message)
            : base(message)
        {
        }

        public LoadException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
