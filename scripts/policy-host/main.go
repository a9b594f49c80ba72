// Command pulumi-language-nodejs, as built by scripts/ensure-pulumi into the policy bin dir: the Node.js language
// host of sdk/v3 v3.68.0 (the newest one the Go module proxy serves here, installed beside this binary as
// pulumi-language-nodejs-v3.68.0) plus what that host lacks for policy packs.
//
// Why: the v3.259 engine runs a Node.js policy pack (`--policy-pack <dir>` with a PulumiPolicy.yaml) through the
// language host's RunPlugin with kind "analyzer" (pkg/resource/plugin/analyzer_plugin.go, plugin.go ExecPlugin);
// the v3.68 host has no RunPlugin. This process forwards every LanguageRuntime call to the v3.68 host byte for byte,
// except RunPlugin for analyzers, which it serves the way the current host does
// (sdk/nodejs/cmd/pulumi-language-nodejs/main.go RunPlugin, v3.259.0): `node @pulumi/pulumi/cmd/run-policy-pack
// <args> <pack dir>` in the pack directory, behind sdk/v3's PolicyProxy, which takes the engine's ConfigureStack
// and hands the stack's organization, project, stack, dry-run flag and config to the pack as PULUMI_* variables.
// Node arguments from PulumiPolicy.yaml options (nodeargs, typescript) are not supported.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"

	sdk "github.com/pulumi/pulumi/sdk/v3"
	"github.com/pulumi/pulumi/sdk/v3/go/common/util/rpcutil"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/metadata"
	"google.golang.org/protobuf/proto"
)

// realHostName is the v3.68 host's file name beside this executable.
const realHostName = "pulumi-language-nodejs-v3.68.0"

const maxMessageSize = 400 * 1024 * 1024 // as the engine's and the policy SDK's gRPC limits

// frame is one gRPC message, undecoded.
type frame []byte

// rawCodec passes messages through as bytes, so every method (unary or streaming) is forwarded unchanged.
type rawCodec struct{}

func (rawCodec) Marshal(v any) ([]byte, error) {
	f, ok := v.(*frame)
	if !ok {
		return nil, fmt.Errorf("raw codec: cannot marshal %T", v)
	}
	return *f, nil
}

func (rawCodec) Unmarshal(data []byte, v any) error {
	f, ok := v.(*frame)
	if !ok {
		return fmt.Errorf("raw codec: cannot unmarshal into %T", v)
	}
	*f = append((*f)[:0], data...)
	return nil
}

func (rawCodec) Name() string { return "proto" }

func main() {
	if err := run(); err != nil {
		fmt.Fprintf(os.Stderr, "pulumi-enos policy host: %v\n", err)
		os.Exit(1)
	}
}

func run() error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	host := exec.Command(filepath.Join(filepath.Dir(exe), realHostName), os.Args[1:]...)
	host.Stderr = os.Stderr
	hostOut, err := host.StdoutPipe()
	if err != nil {
		return err
	}
	if err := host.Start(); err != nil {
		return fmt.Errorf("starting %s: %w", realHostName, err)
	}
	// Like every plugin, the host prints its port first; whatever it prints later is passed on.
	reader := bufio.NewReader(hostOut)
	line, err := reader.ReadString('\n')
	if err != nil {
		return fmt.Errorf("reading the port of %s: %w", realHostName, err)
	}
	hostPort := strings.TrimSpace(line)
	if _, err := strconv.Atoi(hostPort); err != nil {
		return fmt.Errorf("%s printed %q instead of its port", realHostName, hostPort)
	}
	conn, err := grpc.NewClient("127.0.0.1:"+hostPort,
		grpc.WithTransportCredentials(insecure.NewCredentials()),
		grpc.WithDefaultCallOptions(grpc.ForceCodec(rawCodec{}), grpc.MaxCallRecvMsgSize(maxMessageSize),
			grpc.MaxCallSendMsgSize(maxMessageSize)))
	if err != nil {
		return err
	}

	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	proxy := &hostProxy{conn: conn}
	server := grpc.NewServer(grpc.ForceServerCodec(rawCodec{}), grpc.UnknownServiceHandler(proxy.handle),
		grpc.MaxRecvMsgSize(maxMessageSize), grpc.MaxSendMsgSize(maxMessageSize))
	fmt.Printf("%d\n", listener.Addr().(*net.TCPAddr).Port)
	go func() { _, _ = io.Copy(os.Stdout, reader) }()
	// The engine stops the host by killing its process group; if the v3.68 host ends first, so do we.
	go func() {
		_ = host.Wait()
		server.Stop()
	}()
	return server.Serve(listener)
}

type hostProxy struct{ conn *grpc.ClientConn }

func (p *hostProxy) handle(_ any, stream grpc.ServerStream) error {
	method, ok := grpc.MethodFromServerStream(stream)
	if !ok {
		return errors.New("no method name on the stream")
	}
	if method != pulumirpc.LanguageRuntime_RunPlugin_FullMethodName {
		return p.forward(stream, method, nil)
	}
	var first frame
	if err := stream.RecvMsg(&first); err != nil {
		return err
	}
	var req pulumirpc.RunPluginRequest
	if err := proto.Unmarshal(first, &req); err != nil {
		return err
	}
	if req.GetKind() != "analyzer" {
		return p.forward(stream, method, &first)
	}
	return runPolicyPack(&req, runPluginStream{stream})
}

// forward relays one call to the v3.68 host: messages both ways, then its status (Unimplemented included, which
// the engine's fallbacks for old hosts rely on).
func (p *hostProxy) forward(stream grpc.ServerStream, method string, first *frame) error {
	ctx, cancel := context.WithCancel(stream.Context())
	defer cancel()
	if md, ok := metadata.FromIncomingContext(ctx); ok {
		ctx = metadata.NewOutgoingContext(ctx, md.Copy())
	}
	client, err := p.conn.NewStream(ctx, &grpc.StreamDesc{ServerStreams: true, ClientStreams: true}, method)
	if err != nil {
		return err
	}
	go func() {
		if first != nil && client.SendMsg(first) != nil {
			return
		}
		for {
			var f frame
			if err := stream.RecvMsg(&f); err != nil {
				_ = client.CloseSend()
				return
			}
			if err := client.SendMsg(&f); err != nil {
				return
			}
		}
	}()
	for {
		var f frame
		err := client.RecvMsg(&f)
		if err != nil {
			stream.SetTrailer(client.Trailer())
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
		if err := stream.SendMsg(&f); err != nil {
			return err
		}
	}
}

// runPluginStream is the typed RunPlugin response stream over the raw one.
type runPluginStream struct{ grpc.ServerStream }

func (s runPluginStream) Send(m *pulumirpc.RunPluginResponse) error {
	b, err := proto.Marshal(m)
	if err != nil {
		return err
	}
	f := frame(b)
	return s.SendMsg(&f)
}

func runPolicyPack(req *pulumirpc.RunPluginRequest, server pulumirpc.LanguageRuntime_RunPluginServer) error {
	ctx := server.Context()
	closer, stdout, stderr, err := rpcutil.MakeRunPluginStreams(server, false)
	if err != nil {
		return err
	}
	defer closer.Close()

	node, err := exec.LookPath("node")
	if err != nil {
		return err
	}
	dir := req.GetInfo().GetProgramDirectory()
	runPath, err := resolveModule(node, dir, "@pulumi/pulumi/cmd/run-policy-pack")
	if err != nil {
		return err
	}

	policyProxy, stdout, err := sdk.NewPolicyProxy(ctx, stdout)
	if err != nil {
		return fmt.Errorf("could not start policy pack proxy: %w", err)
	}
	config, err := policyProxy.AwaitConfiguration(ctx)
	if err != nil {
		return fmt.Errorf("could not get stack configuration: %w", err)
	}
	env := req.GetEnv()
	if config != nil {
		add := func(k, v string) {
			if v != "" {
				env = append(env, k+"="+v)
			}
		}
		add("PULUMI_NODEJS_ORGANIZATION", config.GetOrganization())
		add("PULUMI_NODEJS_PROJECT", config.GetProject())
		add("PULUMI_NODEJS_STACK", config.GetStack())
		add("PULUMI_NODEJS_DRY_RUN", strconv.FormatBool(config.GetDryRun()))
		if config.GetConfig() != nil {
			configJSON, err := json.Marshal(config.GetConfig())
			if err != nil {
				return err
			}
			add("PULUMI_CONFIG", string(configJSON))
		}
	}

	args := append(append([]string{runPath}, req.GetArgs()...), dir)
	cmd := exec.CommandContext(ctx, node, args...)
	// Policy packs run in their own directory (run-policy-pack and @pulumi/policy read ./package.json).
	cmd.Dir = dir
	cmd.Env = env
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Start(); err != nil {
		return err
	}
	return policyProxy.Attach(ctx, cmd)
}

// resolveModule asks node where `module` resolves from `dir`, as the language host does.
func resolveModule(node, dir, module string) (string, error) {
	script := fmt.Sprintf("console.log(require.resolve(%q))", module)
	cmd := exec.Command(node, "-e", script)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("cannot find %s from %s (is @pulumi/pulumi installed where the pack can "+
			"require it? run npm install in the project): %w", module, dir, err)
	}
	return strings.TrimSpace(string(out)), nil
}
