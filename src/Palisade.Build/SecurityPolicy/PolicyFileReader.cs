using System;
using System.IO;
using System.Text;

namespace Palisade.Build.SecurityPolicy
{
    /// <summary>
    /// Reads a SECURITY.md as text whatever its encoding: a UTF-8, UTF-16 or UTF-32 byte order mark is honoured,
    /// anything else is decoded as UTF-8 with replacement characters (never an exception). Only the first
    /// <see cref="MaxBytes"/> bytes are read: a real policy is a few kilobytes, and a 5 MB file must not slow the build.
    /// </summary>
    internal static class PolicyFileReader
    {
        public const int MaxBytes = 1024 * 1024;

        public static string Read(string path) => Decode(ReadBytes(path));

        /// <summary>The first <see cref="MaxBytes"/> bytes of the file: what the check reads, and what its cache key hashes.</summary>
        public static byte[] ReadBytes(string path)
        {
            byte[] bytes;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete))
            {
                int length = (int)Math.Min(stream.Length, MaxBytes);
                bytes = new byte[length];
                int read = 0;
                while (read < length)
                {
                    int n = stream.Read(bytes, read, length - read);
                    if (n == 0)
                    {
                        break;
                    }

                    read += n;
                }

                if (read < length)
                {
                    Array.Resize(ref bytes, read);
                }
            }

            return bytes;
        }

        public static string Decode(byte[] bytes)
        {
            int bomLength;
            Encoding encoding = DetectEncoding(bytes, out bomLength);
            return encoding.GetString(bytes, bomLength, bytes.Length - bomLength);
        }

        private static Encoding DetectEncoding(byte[] b, out int bomLength)
        {
            // Decoders built with "throwOnInvalidBytes: false" replace bad sequences instead of throwing.
            if (b.Length >= 4 && b[0] == 0xFF && b[1] == 0xFE && b[2] == 0 && b[3] == 0)
            {
                bomLength = 4;
                return new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: false);
            }

            if (b.Length >= 4 && b[0] == 0 && b[1] == 0 && b[2] == 0xFE && b[3] == 0xFF)
            {
                bomLength = 4;
                return new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: false);
            }

            if (b.Length >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF)
            {
                bomLength = 3;
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
            }

            if (b.Length >= 2 && b[0] == 0xFF && b[1] == 0xFE)
            {
                bomLength = 2;
                return new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: false);
            }

            if (b.Length >= 2 && b[0] == 0xFE && b[1] == 0xFF)
            {
                bomLength = 2;
                return new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: false);
            }

            bomLength = 0;
            return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
        }
    }
}
