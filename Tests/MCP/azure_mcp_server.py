"""An MCP server (stdio) that exposes azlin's embedded Azure simulator as Azure-like tools.

It serves azlin's MCP strategy tests: a step executed through one of these tools changes the
same simulated Azure that `azlin sim` shows. Each call runs `$AZLIN_BIN sim <az args...>` as a
subprocess with an argv list (never a shell), inheriting the environment (AZLIN_HOME,
AZLIN_SIM_FAULTS).

Tool names follow Azure's own MCP server: azmcp_<area>_<resource>_<op>. Each input schema has
one property per az flag, named as the flag without its dashes (`resource-group`, `size-gb`).

Deliberately, there are NO disk tools here (no azmcp_compute_disk_* and no
azmcp_compute_vm_disk_*): like Azure's own MCP server, disk steps must go through the
`azmcp_extension_az` pass-through. (`azlin mcp-server`, the Swift server, has them.)

Results: success gives one text content with az's stdout (JSON) and isError false; failure
gives isError true and one text content that is exactly az's stderr (`ERROR: (Code) Message`).

Usage: AZLIN_BIN=/path/to/azlin python3 azure_mcp_server.py
"""

import asyncio
import os
import shlex
import subprocess
import sys

import mcp.server.stdio
import mcp.types as types
from mcp.server.lowlevel import NotificationOptions, Server

STRING, INTEGER, BOOLEAN, WORDS, COMMAND_LINE = "string", "integer", "boolean", "words", "command"


def prop(name, kind=STRING, description="", required=False, flag=None):
    """One tool argument: its schema name, kind, az flag and whether it is required."""
    return {
        "name": name,
        "kind": kind,
        "flag": flag or "--" + name,
        "required": required,
        "description": description,
    }


def tool(name, description, words, properties, read_only=False, destructive=False):
    """One tool: `az <words> <flag> <value> ...`, properties written in the order given."""
    return {
        "name": name,
        "description": description,
        "words": words,
        "properties": properties,
        "read_only": read_only,
        "destructive": destructive,
    }


def group(required=True):
    return prop("resource-group", required=required, description="Name of the resource group.")


def name(description):
    return prop("name", required=True, description=description)


LOCATION = prop("location", description="Location, such as eastus. Defaults to the resource group's.")
TAGS = prop("tags", WORDS, description="Space-separated tags: key[=value] [key[=value] ...].")
YES = prop("yes", BOOLEAN, description="Do not prompt for confirmation.")
DETAILS = prop(
    "details", BOOLEAN, flag="-d", description="Show public IP address, FQDN and power state."
)
VM_NAME = name("The name of the virtual machine.")


def vm_operation(verb, summary, extra=()):
    return tool(
        f"azmcp_compute_vm_{verb}",
        f"{summary} (az vm {verb}).",
        ["vm", verb],
        [group(), VM_NAME, *extra],
    )


TOOLS = [
    tool(
        "azmcp_group_create",
        "Create a resource group (az group create).",
        ["group", "create"],
        [
            name("Name of the new resource group."),
            prop("location", required=True, description="Location, such as eastus."),
            TAGS,
        ],
    ),
    tool(
        "azmcp_group_delete",
        "Delete a resource group and everything in it (az group delete).",
        ["group", "delete"],
        [name("Name of the resource group."), YES],
        destructive=True,
    ),
    tool("azmcp_group_list", "List resource groups (az group list).", ["group", "list"], [], read_only=True),
    tool(
        "azmcp_group_show",
        "Get a resource group (az group show).",
        ["group", "show"],
        [name("Name of the resource group.")],
        read_only=True,
    ),
    tool(
        "azmcp_compute_vm_create",
        "Create a virtual machine (az vm create).",
        ["vm", "create"],
        [
            group(),
            VM_NAME,
            prop("image", required=True, description="The OS image: a URN alias such as Ubuntu2204."),
            LOCATION,
            prop("size", description="The VM size, such as Standard_B2s."),
            prop("admin-username", description="Username for the VM. Default: azureuser."),
            prop("generate-ssh-keys", BOOLEAN, description="Generate SSH public and private key files if missing."),
            prop(
                "os-disk-delete-option",
                description="What happens to the OS disk when the VM is deleted: Delete or Detach.",
            ),
            prop("nic-delete-option", description="What happens to the network interface when the VM is deleted."),
            TAGS,
        ],
    ),
    tool(
        "azmcp_compute_vm_delete",
        "Delete a virtual machine (az vm delete).",
        ["vm", "delete"],
        [group(), VM_NAME, YES],
        destructive=True,
    ),
    vm_operation("start", "Start a stopped virtual machine"),
    vm_operation("stop", "Power off (stop) a running virtual machine"),
    vm_operation("deallocate", "Deallocate a virtual machine so that compute charges stop"),
    vm_operation("restart", "Restart a virtual machine"),
    vm_operation(
        "resize",
        "Change a virtual machine's size",
        [prop("size", required=True, description="The new VM size.")],
    ),
    tool(
        "azmcp_compute_vm_show",
        "Get the details of a virtual machine (az vm show).",
        ["vm", "show"],
        [group(), VM_NAME, DETAILS],
        read_only=True,
    ),
    tool(
        "azmcp_compute_vm_list",
        "List virtual machines (az vm list).",
        ["vm", "list"],
        [group(required=False), DETAILS],
        read_only=True,
    ),
    tool(
        "azmcp_storage_account_create",
        "Create a storage account (az storage account create).",
        ["storage", "account", "create"],
        [
            name("The storage account name: 3-24 lowercase letters and digits."),
            group(),
            LOCATION,
            prop("sku", description="The SKU, such as Standard_LRS."),
            prop("kind", description="The kind of account, such as StorageV2."),
            TAGS,
        ],
    ),
    tool(
        "azmcp_storage_account_delete",
        "Delete a storage account (az storage account delete).",
        ["storage", "account", "delete"],
        [name("The storage account name."), group(), YES],
        destructive=True,
    ),
    tool(
        "azmcp_storage_account_show",
        "Show a storage account (az storage account show).",
        ["storage", "account", "show"],
        [name("The storage account name."), group(required=False)],
        read_only=True,
    ),
    tool(
        "azmcp_extension_az",
        "Run any Azure CLI command. Give the command line without the leading az, such as "
        "'vm disk attach --resource-group rg --vm-name sam --name d1'; it is split with "
        "shell-like quoting, never run by a shell.",
        [],
        [prop("command", COMMAND_LINE, required=True, description="The az command line without the leading az.")],
        destructive=True,
    ),
]

TOOLS_BY_NAME = {entry["name"]: entry for entry in TOOLS}

SCHEMA_TYPES = {STRING: "string", INTEGER: "integer", BOOLEAN: "boolean", WORDS: "string", COMMAND_LINE: "string"}


class CallError(Exception):
    """A call that cannot become an az command line; its message is one line."""


def definition(entry):
    """The tool as MCP lists it, with both readOnlyHint and destructiveHint set."""
    return types.Tool(
        name=entry["name"],
        description=entry["description"],
        inputSchema={
            "type": "object",
            "properties": {
                p["name"]: {"type": SCHEMA_TYPES[p["kind"]], "description": p["description"]}
                for p in entry["properties"]
            },
            "required": [p["name"] for p in entry["properties"] if p["required"]],
            "additionalProperties": False,
        },
        annotations=types.ToolAnnotations(readOnlyHint=entry["read_only"], destructiveHint=entry["destructive"]),
    )


def split(line):
    """Shell-like words of `line` (no shell runs); an unclosed quote is a CallError."""
    try:
        return shlex.split(line)
    except ValueError:
        raise CallError(f"Cannot split the command line (unclosed quote or trailing backslash): {line}") from None


def property_argv(tool_name, p, value):
    """The az arguments one argument becomes: none for null or false, the flag for true."""
    if value is None:
        return []
    kind = p["kind"]
    expected = SCHEMA_TYPES[kind]
    article = "an" if expected == "integer" else "a"
    wrong_type = CallError(f"{tool_name}: argument '{p['name']}' must be {article} {expected}.")
    if kind == BOOLEAN:
        if not isinstance(value, bool):
            raise wrong_type
        return [p["flag"]] if value else []
    if kind == INTEGER:
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise wrong_type
        return [p["flag"], str(value)]
    if not isinstance(value, str):
        raise wrong_type
    if kind == STRING:
        return [p["flag"], value]
    if kind == WORDS:
        words = split(value)
        return [p["flag"], *words] if words else []
    return split(value)


def argv_for(tool_name, arguments):
    """The az arguments (without `az`) that calling `tool_name` with `arguments` runs."""
    entry = TOOLS_BY_NAME.get(tool_name)
    if entry is None:
        raise CallError(f"Unknown tool '{tool_name}'.")
    known = {p["name"] for p in entry["properties"]}
    unknown = sorted(key for key in arguments if key not in known)
    if unknown:
        raise CallError(f"{tool_name}: unknown argument '{unknown[0]}'.")
    argv = list(entry["words"])
    for p in entry["properties"]:
        value = arguments.get(p["name"])
        if p["required"] and value is None:
            raise CallError(f"{tool_name}: missing required argument '{p['name']}'.")
        argv += property_argv(tool_name, p, value)
    if not entry["words"] and argv[:1] == ["az"]:
        argv = argv[1:]
    if not argv:
        raise CallError(f"{tool_name}: the command is empty.")
    return argv


def text_result(text, is_error):
    return types.CallToolResult(content=[types.TextContent(type="text", text=text)], isError=is_error)


def make_server(azlin_bin):
    server = Server("azlin-azure-simulator-py", version="0.1.0")

    @server.list_tools()
    async def list_tools():
        return [definition(entry) for entry in TOOLS]

    @server.call_tool(validate_input=False)
    async def call_tool(tool_name, arguments):
        try:
            argv = argv_for(tool_name, arguments or {})
        except CallError as error:
            return text_result(str(error), True)
        process = await asyncio.create_subprocess_exec(
            azlin_bin,
            "sim",
            *argv,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        stdout, stderr = await process.communicate()
        if process.returncode == 0:
            return text_result(stdout.decode(), False)
        return text_result(stderr.decode(), True)

    return server


async def serve(azlin_bin):
    server = make_server(azlin_bin)
    async with mcp.server.stdio.stdio_server() as (read_stream, write_stream):
        options = server.create_initialization_options(notification_options=NotificationOptions())
        await server.run(read_stream, write_stream, options)


def main():
    azlin_bin = os.environ.get("AZLIN_BIN", "")
    if not azlin_bin:
        sys.exit("azure_mcp_server: set AZLIN_BIN to the azlin executable (for example .build/debug/azlin)")
    if not os.access(azlin_bin, os.X_OK):
        sys.exit(f"azure_mcp_server: AZLIN_BIN is not an executable file: {azlin_bin}")
    asyncio.run(serve(azlin_bin))


if __name__ == "__main__":
    main()
