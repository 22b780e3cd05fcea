namespace PetitionBot.Core.Storage;

public static class AuditActions
{
    public const string Export = "export";
    public const string Update = "update";
    public const string Setup = "setup";
    public const string Invalidate = "invalidate";
    public const string SchoolMap = "school-map";
}
